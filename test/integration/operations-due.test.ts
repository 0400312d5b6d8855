/**
 * What falls due, for staff and for the applicant, and the reminders: surveillance within 60 then 30 days, renewal
 * within 180 then 90, each sent once per certificate, cycle, due date and threshold, and shown in the outbox.
 */
import { SNSClient } from '@aws-sdk/client-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { OutboxNotifier } from '../../functions/notify/outbox';
import { SnsNotifier } from '../../functions/notify/sns';
import { sendReminders } from '../../functions/service/reminders';
import { sheetWithTotal } from '../../shared/scheme';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2024-05-01' });
const TODAY = '2027-03-01';
const cert: Record<'s60' | 's30' | 'far' | 'r180' | 'r90', string> = { s60: '', s30: '', far: '', r180: '', r90: '' };

async function issueOn(day: string, applicant = 'applicant-acme', audits: string[] = []) {
  sys.setNow(day);
  const c = await issuedCertificate(sys.api, 88, { by: { applicant } });
  for (const auditDate of audits) {
    sys.setNow(auditDate);
    const res = await sys.api.post(
      `/v1/staff/certificates/${c.number}/record-surveillance`,
      { auditDate, scoreSheet: sheetWithTotal(88) },
      'evaluator-li',
    );
    expect(res.status).toBe(200);
  }
  return c.number as string;
}

beforeAll(async () => {
  cert.r90 = await issueOn('2024-05-01', 'applicant-acme', ['2025-04-20', '2026-04-20']);
  cert.r180 = await issueOn('2024-07-15', 'applicant-beta', ['2025-07-01', '2026-07-01']);
  cert.s30 = await issueOn('2026-03-20');
  cert.s60 = await issueOn('2026-04-10');
  cert.far = await issueOn('2026-09-01');
  sys.setNow(TODAY);
});

const numbersOf = (items: { kind: string; number: string }[], kind: string) =>
  items
    .filter((i) => i.kind === kind)
    .map((i) => i.number)
    .sort();

describe('the due list', () => {
  it('shows staff the surveillance due within 60 days and the renewals due within 180, with the days left', async () => {
    const res = await sys.api.get('/v1/staff/due', 'admin-qian');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ today: TODAY, within: { surveillance: 60, renewal: 180 }, truncated: false });
    // r90's last audit was 2026-04-20: its next is due within 12 months, on 2027-04-20, ten days before expiry.
    expect(numbersOf(res.body.items, 'surveillance')).toEqual([cert.s30, cert.s60, cert.r90].sort());
    expect(numbersOf(res.body.items, 'renewal')).toEqual([cert.r90, cert.r180].sort());
    const s30 = res.body.items.find((i: any) => i.number === cert.s30);
    expect(s30).toMatchObject({ kind: 'surveillance', due: '2027-03-20', daysLeft: 19, postponed: false });
  });

  it('narrows both windows with ?within and one kind with ?kind', async () => {
    const within30 = (await sys.api.get('/v1/staff/due?within=30', 'evaluator-li')).body.items;
    expect(within30.map((i: any) => i.number)).toEqual([cert.s30]);
    const renewals = (await sys.api.get('/v1/staff/due?kind=renewal&renewalWithin=90', 'committee-zhao')).body.items;
    expect(renewals.map((i: any) => i.number)).toEqual([cert.r90]);
  });

  it('shows an applicant only its own certificates', async () => {
    const beta = (await sys.api.get('/v1/staff/due', 'applicant-beta')).body.items;
    expect(beta.map((i: any) => i.number)).toEqual([cert.r180]);
    const acme = (await sys.api.get('/v1/staff/due', 'applicant-acme')).body.items;
    expect(acme.map((i: any) => i.number)).not.toContain(cert.r180);
    expect(acme.map((i: any) => i.number)).toContain(cert.s30);
  });

  it.each([
    ['a window that is not a number', '/v1/staff/due?within=soon', 'admin-qian', 400, 'VALIDATION_FAILED'],
    ['a window beyond a year', '/v1/staff/due?within=1000', 'admin-qian', 400, 'VALIDATION_FAILED'],
    ['an unknown query parameter', '/v1/staff/due?status=valid', 'admin-qian', 400, 'VALIDATION_FAILED'],
    ['a request without a token', '/v1/staff/due', undefined, 401, 'UNAUTHENTICATED'],
    ['the outbox asked for by an applicant', '/v1/staff/outbox', 'applicant-acme', 403, 'FORBIDDEN_ROLE'],
  ] as const)('refuses %s', async (_name, path, who, status, code) => {
    const res = await sys.api.get(path, who);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });
});

describe('reminders', () => {
  it('sends each reminder once at the tightest threshold crossed, and nothing on a second run', async () => {
    const first = await sendReminders(sys.deps, new OutboxNotifier());
    expect(first.sent.sort()).toEqual(
      [
        `${cert.s30}#1#surveillance#2027-03-20#30`,
        `${cert.s60}#1#surveillance#2027-04-10#60`,
        `${cert.r90}#1#surveillance#2027-04-20#60`,
        `${cert.r90}#1#renewal#2027-04-30#90`,
        `${cert.r180}#1#renewal#2027-07-14#180`,
      ].sort(),
    );
    const second = await sendReminders(sys.deps, new OutboxNotifier());
    expect(second).toMatchObject({ sent: [], alreadySent: 5, failed: [] });
  });

  it('sends the next threshold when it is crossed, once, even with runners racing', async () => {
    sys.setNow('2027-03-12');
    const runs = await Promise.all([1, 2, 3].map(() => sendReminders(sys.deps, new OutboxNotifier())));
    expect(runs.flatMap((r) => r.sent)).toEqual([`${cert.s60}#1#surveillance#2027-04-10#30`]);
    expect(runs.flatMap((r) => r.failed)).toEqual([]);
  });

  it('gives a reminder back when the channel fails, and sends it on the next run', async () => {
    const renewal = await sys.api.post('/v1/staff/renewals', { certificateNumber: cert.r180 }, 'applicant-beta');
    expect(renewal.status).toBe(201);
    // 53 days before the surveillance of `far`; `r180` is 4 days from expiry but its renewal is open: nobody is told.
    sys.setNow('2027-07-10');
    const unreachable = new SNSClient({
      endpoint: 'http://127.0.0.1:9',
      region: 'local',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    const failed = await sendReminders(
      sys.deps,
      new SnsNotifier(unreachable, 'arn:aws:sns:local:000000000000:starmark'),
    );
    expect(failed.sent).toEqual([]);
    expect(failed.failed.map((f) => f.key)).toEqual([`${cert.far}#1#surveillance#2027-09-01#60`]);

    const retried = await sendReminders(sys.deps, new OutboxNotifier());
    expect(retried.sent).toEqual([`${cert.far}#1#surveillance#2027-09-01#60`]);
  });

  it('lists what was sent in the outbox, newest first, in Chinese and English', async () => {
    const res = await sys.api.get('/v1/staff/outbox?limit=100', 'admin-qian');
    expect(res.status).toBe(200);
    const items = res.body.items as any[];
    expect(items.every((i) => i.status === 'sent' && i.channel === 'outbox')).toBe(true);
    const sentAt = items.map((i) => i.queuedAt);
    expect([...sentAt].sort().reverse()).toEqual(sentAt);
    const s30 = items.find((i) => i.key === `${cert.s30}#1#surveillance#2027-03-20#30`);
    expect(s30.subject).toContain('监督审核');
    expect(s30.text).toContain('surveillance audit');
    expect(s30).not.toHaveProperty('pk');
  });
});
