/**
 * A certificate's holder is told of every public change of it, against real DynamoDB Local: the change's own
 * transaction queues one e-mail naming the holder's sub (never an address), and the webhook worker sends it to the
 * address the directory gives (locally the dev identity provider's, through the outbox), in Chinese then English,
 * at Beijing time, with the certificate's permalink. Another holder hears nothing of it, and a failing send leaves
 * the change committed and the e-mail queued for a later run. An account unlinked from the organization since is
 * sent nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Notifier } from '../../functions/notify/port';
import { runWebhooks } from '../../functions/webhooks/run';
import { httpSender } from '../../functions/webhooks/sender';
import type { OutboxMessage } from '../../shared/operations';
import { webhookKeys } from '../../shared/webhooks/subscriptions';
import { useTestSystem } from '../support/local-system';
import { recordingNotifier } from '../support/recording-notifier';
import { Subjects } from '../support/subjects';
import { ACTING, ok } from '../support/valid-requests';

const NOW = '2026-11-23T02:00:00Z';
const sys = useTestSystem({ now: NOW });
const subjects = new Subjects(sys);
const sender = httpSender({ allowLoopback: true });
const OTHER_HOLDER = 'applicant-beta';

const suspend = (number: string) =>
  ok(sys.api.post(`/v1/staff/certificates/${number}/suspend`, { reason: '重大投诉未处理' }, ACTING.admin));

/** The holders' e-mails in the table, sent or not, of one kind of event. */
async function queued(event: string): Promise<Record<string, any>[]> {
  const page = await sys.deps.store.queryItems(webhookKeys.emails, { limit: 100 });
  return page.items.filter((i: any) => i.entity === 'holder-email' && i.notice.event === event);
}

const sentAbout = async (number: string) =>
  (await ok(sys.api.get('/v1/staff/outbox?limit=100', ACTING.admin))).items.filter(
    (e: any) => e.kind === 'holder_change' && e.number === number,
  );

describe("holders' e-mails", () => {
  it('suspending a certificate queues exactly one notice, to its holder, and none to another holder', async () => {
    const number = await subjects.certificate('valid');
    const others = await subjects.certificate('valid', OTHER_HOLDER);
    await runWebhooks(sys.deps, sender); // the two issues' own notices
    await suspend(number);

    // Queued by the change itself: no worker has run since.
    const notices = (await queued('certificate.suspended')).filter((i) => i.state === 'queued');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.notice).toMatchObject({ number, holderSub: ACTING.applicant, kind: 'holder_change' });
    expect(notices[0]!.sk).toMatch(/#holder$/);
    expect(JSON.stringify(notices[0])).not.toContain('@');

    const notifier = recordingNotifier();
    const report = await runWebhooks({ ...sys.deps, notifier }, sender);
    expect(report.emailed).toBe(1);
    expect(notifier.seen).toHaveLength(1);
    const message = notifier.seen[0] as OutboxMessage & { to?: string; link?: string };
    expect(message).toMatchObject({ kind: 'holder_change', number, to: 'applicant-acme@demo.starmark.test' });
    expect(message.link).toBe(`${sys.url}/c/${number}`);
    // A second run sends nothing more.
    expect((await runWebhooks({ ...sys.deps, notifier }, sender)).emailed).toBe(0);

    const [sent, ...more] = (await sentAbout(number)).filter((e: any) => e.event === 'certificate.suspended');
    expect(more).toEqual([]);
    expect(sent).toMatchObject({ status: 'sent', channel: 'outbox', holderSub: ACTING.applicant });
    expect(sent.key).toMatch(/^evt_\d+#holder$/);
    // The sent record keeps what was said, not to whom.
    expect(JSON.stringify(sent)).not.toContain('applicant-acme@');
    expect(sent.subject).toContain(number);
    const [zh, en] = sent.text.split('\n\n');
    expect(zh).toContain(`贵单位持有的证书 ${number}`);
    expect(zh).toContain('北京时间 2026-11-23 10:00 证书暂停');
    expect(zh).toContain('当前状态：暂停');
    expect(zh).toContain(`${sys.url}/c/${number}`);
    expect(en).toContain('suspended at 2026-11-23 10:00 Beijing time');
    expect(en).toContain('Status now: Suspended');

    // The other holder's certificate did not change: its holder is told of its issue alone.
    expect((await sentAbout(others)).map((e: any) => e.event)).toEqual(['certificate.issued']);
    const toOther = (await queued('certificate.suspended')).filter((i) => i.notice.holderSub === OTHER_HOLDER);
    expect(toOther).toEqual([]);
  });

  it('an account unlinked from the organization is told nothing more: its notice is marked unlinked, not sent', async () => {
    const number = await subjects.certificate('valid');
    await runWebhooks(sys.deps, sender); // the issue's own notice
    const { creditCode } = (await sys.deps.store.getCertificate(number))!.organization;
    await ok(
      sys.api.post(`/v1/staff/organizations/${creditCode}/unlink-account`, { sub: ACTING.applicant }, ACTING.admin),
    );
    await suspend(number);
    const notifier = recordingNotifier();
    const report = await runWebhooks({ ...sys.deps, notifier }, sender);
    expect([report.emailed, report.emailsUnlinked]).toEqual([0, 1]);
    expect(notifier.seen).toEqual([]);
    const [notice, ...more] = (await queued('certificate.suspended')).filter((i) => i.notice.number === number);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ state: 'unlinked', notice: { holderSub: ACTING.applicant, creditCode } });
    expect((await sentAbout(number)).filter((e: any) => e.event === 'certificate.suspended')).toEqual([]);
  });

  it('a failing send leaves the change committed and the e-mail queued for a later run', async () => {
    const number = await subjects.certificate('valid');
    await runWebhooks(sys.deps, sender);
    const failing: Notifier = {
      channel: 'outbox',
      deliver: async () => {
        throw new Error('mail relay down');
      },
    };
    await suspend(number);
    const failed = await runWebhooks({ ...sys.deps, notifier: failing }, sender);
    expect(failed.emailFailures).toBe(1);
    expect((await sys.api.get(`/v1/certificates/${number}`)).body.status).toBe('suspended');
    const [waiting] = (await queued('certificate.suspended')).filter((i) => i.notice.number === number);
    expect(waiting).toMatchObject({ state: 'queued', lastError: 'mail relay down' });
    expect((await sentAbout(number)).filter((e: any) => e.event === 'certificate.suspended')).toEqual([]);

    sys.setNow(new Date(Date.parse(NOW) + 11 * 60_000).toISOString());
    try {
      await runWebhooks(sys.deps, sender);
    } finally {
      sys.setNow(NOW);
    }
    expect((await sentAbout(number)).filter((e: any) => e.event === 'certificate.suspended')).toHaveLength(1);
  });
});
