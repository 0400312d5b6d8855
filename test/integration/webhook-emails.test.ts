/**
 * Watchlist notices by e-mail, against real DynamoDB Local: a watchlist may name an address; on a public change of
 * a certificate it watches, the outbox (locally the channel itself) holds one message per address — however many of
 * the holder's lists name it — with the certificate number and the change, in Chinese and English at Beijing time,
 * and a second run adds none. A failing e-mail is tried again later and delays nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Notifier } from '../../functions/notify/port';
import { runWebhooks } from '../../functions/webhooks/run';
import { httpSender } from '../../functions/webhooks/sender';
import { addressTag } from '../../shared/webhooks/email';
import { useTestSystem } from '../support/local-system';
import { Subjects } from '../support/subjects';
import { ACTING, ok } from '../support/valid-requests';

const NOW = '2026-11-23T02:00:00Z';
const sys = useTestSystem({ now: NOW });
const subjects = new Subjects(sys);
const sender = httpSender({ allowLoopback: true });

async function newKey(): Promise<Record<string, string>> {
  const issued = await ok(
    sys.api.post('/v1/staff/api-keys', { name: '某招投标平台', contact: 'ops@tender.example' }, ACTING.admin),
  );
  return { 'x-api-key': issued.key };
}
const watch = (headers: Record<string, string>, body: Record<string, unknown>) =>
  sys.api.request('POST', '/v1/integrator/watchlists', { body: { name: '投标人', ...body }, headers });
const suspend = (number: string) =>
  ok(sys.api.post(`/v1/staff/certificates/${number}/suspend`, { reason: '重大投诉未处理' }, ACTING.admin));
const emailsAbout = async (number: string) =>
  (await ok(sys.api.get('/v1/staff/outbox?limit=100', ACTING.admin))).items.filter(
    (e: any) => e.kind === 'watchlist_change' && e.number === number,
  );

describe('watchlist e-mails', () => {
  it('send one message per address on a status change, with the number and the change in zh and en, Beijing time', async () => {
    const number = await subjects.certificate('valid');
    const one = await newKey();
    const two = await newKey();
    const made = await watch(one, { numbers: [number], notifyEmail: ' Buyer@Tender.Example.CN ' });
    expect(made.status).toBe(201);
    expect(made.body.notifyEmail).toBe('buyer@tender.example.cn');
    // The same address on a second list of the same holder is still one recipient.
    expect((await watch(one, { numbers: [number], notifyEmail: 'buyer@tender.example.cn' })).status).toBe(201);
    expect((await watch(two, { numbers: [number], notifyEmail: 'ops@supplier.example.cn' })).status).toBe(201);
    // A list without an address is told by webhook only.
    expect((await watch(two, { numbers: [number] })).status).toBe(201);

    await suspend(number);
    expect(await emailsAbout(number)).toEqual([]);
    const report = await runWebhooks(sys.deps, sender);
    expect(report.emails).toBe(2);
    await runWebhooks(sys.deps, sender);

    const emails = await emailsAbout(number);
    // Each key names its recipient by the address's digest alone, and no record keeps the address.
    expect(emails.map((e: any) => e.key.split('#')[1]).sort()).toEqual(
      ['buyer@tender.example.cn', 'ops@supplier.example.cn'].map(addressTag).sort(),
    );
    expect(JSON.stringify(emails)).not.toContain('@');
    for (const e of emails) {
      expect(e).toMatchObject({ status: 'sent', channel: 'outbox', event: 'certificate.suspended' });
      expect(e.eventId).toMatch(/^evt_\d+$/);
      expect(e.subject).toContain(number);
      expect(e.text).toContain(number);
      expect(e.text).toContain('证书暂停');
      expect(e.text).toContain('当前状态：暂停');
      expect(e.text).toContain('Status now: Suspended');
      // Changed at 02:00 UTC: 10:00 on the clock in Beijing.
      expect(e.text).toContain('北京时间 2026-11-23 10:00');
      expect(e.text).toContain('2026-11-23 10:00 Beijing time');
    }
    // Both recipients were told of the same event.
    expect(new Set(emails.map((e: any) => e.eventId)).size).toBe(1);
  });

  it('refuse a malformed address in zh and en, storing nothing', async () => {
    const key = await newKey();
    const bad = await watch(key, { numbers: ['SM-SV-2026-000001'], notifyEmail: 'not-an-address' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.title_zh).toBeTruthy();
    expect(bad.body.title_en).toBeTruthy();
    expect((await sys.api.request('GET', '/v1/integrator/watchlists', { headers: key })).body.items).toEqual([]);
  });

  it('never hold up the change: a failing e-mail stays queued and is sent on a later run', async () => {
    const number = await subjects.certificate('valid');
    await runWebhooks(sys.deps, sender); // its holder's notice of the issue
    const key = await newKey();
    await watch(key, { numbers: [number], notifyEmail: 'buyer@tender.example.cn' });
    await suspend(number);
    const failing: Notifier = {
      channel: 'outbox',
      deliver: async () => {
        throw new Error('mail relay down');
      },
    };
    const failed = await runWebhooks({ ...sys.deps, notifier: failing }, sender);
    // The watchlist's and the holder's own (test/integration/holder-emails.test.ts).
    expect(failed.emailFailures).toBe(2);
    expect(await emailsAbout(number)).toEqual([]);
    // The change itself committed before any of this.
    expect((await sys.api.get(`/v1/certificates/${number}`)).body.status).toBe('suspended');
    sys.setNow(new Date(Date.parse(NOW) + 11 * 60_000).toISOString());
    try {
      await runWebhooks(sys.deps, sender);
    } finally {
      sys.setNow(NOW);
    }
    expect(await emailsAbout(number)).toHaveLength(1);
  });
});
