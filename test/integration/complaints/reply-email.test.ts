/**
 * The reply by e-mail as it runs in AWS, against DynamoDB Local: with a sender address configured, the staff
 * function's channel is SES (functions/notify/email-from-env.ts, as staff-deps composes it), and closing a matter hands
 * the reply to SES at once — the real SDK client, its request caught by a local endpoint that answers as SES does —
 * to the address the reporter left, from the configured sender, in zh and en. The outbox then records it sent by
 * SES with its message id and without the address. A failed send keeps the reply queued (the staff topic of the
 * sweep never takes it) until the next send goes through; a phone number gets no e-mail.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emailNotifierFromEnvironment } from '../../../functions/notify/email-from-env';
import { deliverQueuedNotices } from '../../../functions/notify/queue';
import { SnsNotifier } from '../../../functions/notify/sns';
import { DEPLOYMENT_ENV } from '../../../shared/deployment-env';
import { keys } from '../../../shared/store/keys';
import { decidedReport } from '../../support/decided-report';
import { useTestSystem } from '../../support/local-system';
import { scanAll } from '../../support/table-snapshot';
import { ACTING } from '../../support/valid-requests';

const NOW = '2026-11-23T02:00:00Z';
const FROM = 'notify@starmark.example.cn';
const sys = useTestSystem({ now: NOW });

/** What SES was asked to send, as the SDK put it on the wire; `failing` answers as an SES outage would. */
const received: { path: string; body: any }[] = [];
let failing = false;
let ses: Server;
let endpoint = '';

const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => resolve(text));
  });

beforeAll(async () => {
  ses = createServer(async (req, res) => {
    const body = await bodyOf(req);
    if (failing) {
      res.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalFailure' });
      res.end(JSON.stringify({ message: 'service unavailable' }));
      return;
    }
    received.push({ path: req.url ?? '', body: JSON.parse(body) });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ MessageId: `ses-${received.length}` }));
  });
  await new Promise<void>((resolve) => ses.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => ses.close(() => resolve())));

const sesClient = () =>
  new SESv2Client({
    endpoint,
    region: 'cn-north-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1,
  });

beforeEach(() => {
  received.length = 0;
  failing = false;
  // The staff function's channel as its composition root builds it from the stack's environment.
  const notifier = emailNotifierFromEnvironment({ [DEPLOYMENT_ENV.notifyEmailFrom]: FROM }, sesClient);
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

  it('stays queued when SES fails, is never given to the staff topic, and goes with the next send', async () => {
    const address = 'later@example.test';
    const id = await decided(address);
    failing = true;
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
    expect(sweep).toEqual({ sent: [], failed: [] });
    expect(await queued()).toHaveLength(1);

    failing = false;
    const notifier = sys.deps.notifier;
    if (!notifier) throw new Error('no channel');
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
