/**
 * A reply whose e-mail could not be sent as its matter closed, tried again by the daily sweep, against DynamoDB Local
 * and the real SES client pointed at a local endpoint that answers 500 while SES is "down": the sweep after the wait
 * sends it; a sweep before the wait leaves it; after the attempts are spent it is given up — the outbox record
 * `failed`, the queue entry and the address gone, the matter marked with a `reply-failed` event staff read on it —
 * and no later sweep sends it. The sweep's staff topic is the real SNS client, unreachable: it carries no reply. The
 * clock is the system's, moved by the test: nothing waits.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { runDailyOperations } from '../../../functions/service/sweep';
import { REPLY_RETRY } from '../../../shared/complaints';
import { keys } from '../../../shared/store/keys';
import { decidedReport } from '../../support/decided-report';
import { useTestSystem } from '../../support/local-system';
import { useSesEndpoint } from '../../support/ses-endpoint';
import { REPLY_SENDER, replyEmail, unreachableStaffTopic } from '../../support/sweep-channels';
import { scanAll } from '../../support/table-snapshot';
import { ACTING } from '../../support/valid-requests';

const NOW = '2026-11-23T02:00:00Z';
const sys = useTestSystem({ now: NOW });
const ses = useSesEndpoint();

const staffTopic = unreachableStaffTopic();
const email = () => replyEmail(ses);
const sweepAt = async (at: string) => {
  sys.setNow(at);
  return (await runDailyOperations(sys.deps, staffTopic, email())).replies;
};
const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

beforeEach(() => {
  ses.reset();
  sys.setNow(NOW);
  sys.deps.notifier = email();
});

const close = (id: string) =>
  sys.api.post(
    `/v1/staff/matters/${id}/steps`,
    { step: 'reply', reply: '经核查属实，已移交市场监管部门' },
    ACTING.admin,
  );
const replyOf = async (id: string) =>
  (await sys.api.get('/v1/staff/outbox?limit=100', ACTING.admin)).body.items.find(
    (e: { kind: string; matterId?: string }) => e.kind === 'matter_reply' && e.matterId === id,
  );
const queued = async () => (await sys.deps.store.queryItems(keys.noticeQueue)).items;

describe('a reply whose e-mail failed as its matter closed', () => {
  it('is sent by the first sweep after its wait, and not by a sweep before it', async () => {
    const address = 'retry@example.test';
    const id = await decidedReport(sys.api, { contact: address });
    ses.failing = true;
    expect((await close(id)).status).toBe(200);
    expect(ses.refused).toHaveLength(1);
    expect(await replyOf(id)).toMatchObject({ status: 'queued', attempts: 1 });

    ses.failing = false;
    // Within the wait, the sweep leaves it: no request reaches SES.
    expect(await sweepAt(hoursAfter(NOW, REPLY_RETRY.waitHours[0] / 2))).toMatchObject({ sent: [], givenUp: [] });
    expect(ses.received).toEqual([]);

    const sent = await sweepAt(hoursAfter(NOW, 21)); // 23:00 UTC, the daily sweep's hour
    expect(sent).toEqual({ sent: [`matter-reply#${id}`], failed: [], givenUp: [] });
    expect(ses.received.map((r) => r.body.Destination.ToAddresses)).toEqual([[address]]);
    expect(ses.received[0]?.body.FromEmailAddress).toBe(REPLY_SENDER);
    expect(await replyOf(id)).toMatchObject({ status: 'sent', channel: 'ses', messageId: 'ses-1' });
    expect(await queued()).toEqual([]);
    expect(JSON.stringify(await scanAll(sys.dynamo.endpoint))).not.toContain(address);
    // Sent once: the next day's sweep has nothing left to send.
    expect(await sweepAt(hoursAfter(NOW, 45))).toMatchObject({ sent: [] });
    expect(ses.received).toHaveLength(1);
  });

  it('is given up after its attempts: the matter marked for staff, the address gone, never sent after', async () => {
    const address = 'never@example.test';
    const id = await decidedReport(sys.api, { contact: address });
    ses.failing = true;
    expect((await close(id)).status).toBe(200);
    // The daily sweeps at 23:00 UTC, one a day: each attempt waits its turn, and the last is a day later.
    let at = hoursAfter(NOW, 21);
    const givenUp: string[][] = [];
    for (let day = 0; day < 8 && ses.refused.length < REPLY_RETRY.maxAttempts; day++) {
      const run = await sweepAt(at);
      givenUp.push(run?.givenUp ?? []);
      at = hoursAfter(at, 24);
    }
    expect(ses.refused).toHaveLength(REPLY_RETRY.maxAttempts);
    expect(givenUp.flat()).toEqual([`matter-reply#${id}`]);
    // Four sweeps for four attempts after the closing's, one day skipped for the last wait.
    expect(givenUp).toHaveLength(REPLY_RETRY.maxAttempts);

    const record = await replyOf(id);
    expect(record).toMatchObject({ status: 'failed', attempts: REPLY_RETRY.maxAttempts, failedAt: expect.any(String) });
    expect(record).not.toHaveProperty('to');
    expect(await queued()).toEqual([]);
    expect(JSON.stringify(await scanAll(sys.dynamo.endpoint))).not.toContain(address);

    const view = await sys.api.get(`/v1/staff/matters/${id}`, ACTING.admin);
    expect(view.status).toBe(200);
    expect(view.body.matter).toMatchObject({
      state: 'closed',
      replyFailed: { attempts: REPLY_RETRY.maxAttempts, at: record.failedAt },
    });
    const event = view.body.events.at(-1);
    expect(event).toMatchObject({
      action: 'reply-failed',
      from: 'closed',
      to: 'closed',
      actor: { sub: 'system:mail' },
      data: { attempts: REPLY_RETRY.maxAttempts },
    });
    expect(JSON.stringify(view.body.events)).not.toContain(address);

    // SES is back: nothing given up is sent any more, and the matter is not marked twice.
    ses.failing = false;
    await sweepAt(hoursAfter(at, 24));
    expect(ses.received).toEqual([]);
    expect((await sys.api.get(`/v1/staff/matters/${id}`, ACTING.admin)).body.events).toHaveLength(
      view.body.events.length,
    );
  });
});
