/**
 * The reply by e-mail as it runs in AWS, against DynamoDB Local: with a sender address configured, the staff
 * function's channel is SES (functions/notify/email-from-env.ts, as staff-deps composes it), and closing a matter hands
 * the reply to SES at once — the real SDK client, its request caught by a local endpoint that answers as SES does —
 * to the address the reporter left, from the configured sender, in zh and en. The outbox then records it sent by
 * SES with its message id and without the address. A failed send keeps the reply queued (the staff topic of the
 * sweep never takes it) for a send after its wait (reply-retries.test.ts: the sweep's); a phone number gets none.
 */
import { SNSClient } from '@aws-sdk/client-sns';
import { beforeEach, describe, expect, it } from 'vitest';
import { emailNotifierFromEnvironment } from '../../../functions/notify/email-from-env';
import { deliverQueuedNotices } from '../../../functions/notify/queue';
import { SnsNotifier } from '../../../functions/notify/sns';
import { REPLY_RETRY } from '../../../shared/complaints';
import { DEPLOYMENT_ENV } from '../../../shared/deployment-env';
import { keys } from '../../../shared/store/keys';
import { decidedReport } from '../../support/decided-report';
import { useTestSystem } from '../../support/local-system';
import { useSesEndpoint } from '../../support/ses-endpoint';
import { scanAll } from '../../support/table-snapshot';
import { ACTING } from '../../support/valid-requests';

const NOW = '2026-11-23T02:00:00Z';
const FROM = 'notify@starmark.example.cn';
const sys = useTestSystem({ now: NOW });

const ses = useSesEndpoint();
const received = ses.received;

beforeEach(() => {
  ses.reset();
  sys.setNow(NOW);
  // The staff function's channel as its composition root builds it from the stack's environment.
  const notifier = emailNotifierFromEnvironment({ [DEPLOYMENT_ENV.notifyEmailFrom]: FROM }, ses.client);
  expect(notifier?.channel).toBe('ses');
  sys.deps.notifier = notifier;
});

const step = (id: string, body: unknown, as: string) => sys.api.post(`/v1/staff/matters/${id}/steps`, body, as);
const decided = (contact: string) => decidedReport(sys.api, { contact });
const replyOf = async (id: string) =>
  (await sys.api.get('/v1/staff/outbox?limit=100', ACTING.admin)).body.items.filter(
    (e: { kind: string; matterId?: string }) => e.kind === 'matter_reply' && e.matterId === id,
  );
const queued = async () => (await sys.deps.store.queryItems(keys.noticeQueue)).items;

describe('the reply to a reporter, by SES', () => {
  it('is handed to SES as the matter closes: to the reporter, from the configured sender, in zh and en', async () => {
    const address = 'reporter@example.test';
    const id = await decided(address);
    const closed = await step(id, { step: 'reply', reply: '经核查属实，已移交市场监管部门' }, ACTING.admin);
    expect(closed.status).toBe(200);

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.path).toBe('/v2/email/outbound-emails');
    expect(request?.body).toMatchObject({ FromEmailAddress: FROM, Destination: { ToAddresses: [address] } });
    const text = request?.body.Content.Simple.Body.Text.Data as string;
    expect(text).toContain('经核查属实，已移交市场监管部门');
    expect(text).toContain(id);
    expect(text).toMatch(/has been handled/);
    expect(request?.body.Content.Simple.Subject).toMatchObject({ Charset: 'UTF-8' });

    const [sent] = await replyOf(id);
    expect(sent).toMatchObject({ status: 'sent', channel: 'ses', messageId: 'ses-1' });
    expect(JSON.stringify(sent)).not.toContain(address);
    expect(await queued()).toEqual([]);
    expect(JSON.stringify(await scanAll(sys.dynamo.endpoint))).not.toContain(address);
  });

  it('stays queued when SES fails, is never given to the staff topic, and goes with a send after its wait', async () => {
    const address = 'later@example.test';
    const id = await decided(address);
    ses.failing = true;
    expect((await step(id, { step: 'reply', reply: '经核查不属实' }, ACTING.admin)).status).toBe(200);
    expect(received).toEqual([]);
    expect((await replyOf(id))[0]).toMatchObject({ status: 'queued' });
    expect(await queued()).toHaveLength(1);

    // The sweep's channel is the staff topic: it leaves the reply queued, and counts no failure for it.
    const unreachable = new SNSClient({
      endpoint: 'http://127.0.0.1:9',
      region: 'local',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    const sweep = await deliverQueuedNotices(sys.deps, new SnsNotifier(unreachable, 'arn:aws:sns:local:0:starmark'));
    expect(sweep).toEqual({ sent: [], failed: [], givenUp: [] });
    expect(await queued()).toHaveLength(1);

    ses.failing = false;
    const notifier = sys.deps.notifier;
    if (!notifier) throw new Error('no channel');
    // Tried again at once it is not: it waits its turn (shared/complaints/reply-retry.ts), then goes.
    expect(await deliverQueuedNotices(sys.deps, notifier)).toEqual({ sent: [], failed: [], givenUp: [] });
    sys.setNow(new Date(Date.parse(NOW) + REPLY_RETRY.waitHours[0] * 3_600_000).toISOString());
    const retried = await deliverQueuedNotices(sys.deps, notifier);
    expect(retried.sent).toEqual([`matter-reply#${id}`]);
    expect(received.map((r) => r.body.Destination.ToAddresses)).toEqual([[address]]);
    expect((await replyOf(id))[0]).toMatchObject({ status: 'sent', channel: 'ses' });
    expect(await queued()).toEqual([]);
  });

  it('sends no e-mail where the reporter left a phone number', async () => {
    const id = await decided('13800000000');
    expect((await step(id, { step: 'reply', reply: '经核查不属实' }, ACTING.admin)).status).toBe(200);
    expect(received).toEqual([]);
    expect(await replyOf(id)).toEqual([]);
  });
});
