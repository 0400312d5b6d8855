/**
 * Holders' e-mails where staff and applicants sign in through an OIDC issuer, whose users the registry cannot look
 * up (the local system's sign-ins mode, against DynamoDB Local): the address is the `email` claim of the holder's own
 * ID token, kept only when the issuer verified it, replaced or removed by the next sign-in, removed in the
 * transaction that unlinks the account, and read by the webhook worker just before it sends.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runWebhooks } from '../../functions/webhooks/run';
import { httpSender } from '../../functions/webhooks/sender';
import { keys } from '../../shared/store/keys';
import { webhookKeys } from '../../shared/webhooks/subscriptions';
import { useTestSystem } from '../support/local-system';
import { recordingNotifier } from '../support/recording-notifier';
import { Subjects } from '../support/subjects';
import { ACTING, ok } from '../support/valid-requests';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z', directory: 'sign-ins' });
const subjects = new Subjects(sys);
const sender = httpSender({ allowLoopback: true });
const ACME_ADDRESS = 'applicant-acme@demo.starmark.test';

const kept = async (sub: string) => {
  const key = keys.holderAddress(sub);
  return sys.deps.store.getItem(key.pk, key.sk);
};

/** A staff request (a sign-in) with an ID token the issuer made for `sub`: its address, verified or not. */
async function signInWith(sub: string, email: string, emailVerified: boolean): Promise<number> {
  const token = await sys.identity.tokenFor({ sub, roles: ['applicant'], email, emailVerified });
  const res = await sys.api.request('GET', '/v1/staff/me', { headers: { authorization: `Bearer ${token}` } });
  return res.status;
}

/** The holder's e-mails about one certificate, as the worker left them. */
async function holderEmails(number: string): Promise<Record<string, any>[]> {
  const page = await sys.deps.store.queryItems(webhookKeys.emails, { limit: 100 });
  return page.items.filter((i: any) => i.entity === 'holder-email' && i.notice.number === number);
}

beforeAll(async () => {
  // The staff who take a case to its certificate are in the directory once they have signed in.
  for (const sub of [ACTING.evaluator, ACTING.committee, ACTING.admin]) await ok(sys.api.get('/v1/staff/me', sub));
});

describe("holders' addresses from their own verified sign-ins", () => {
  it("keeps an applicant's verified address and sends the holder's e-mail to it", async () => {
    const number = await subjects.certificate('valid');
    expect(await kept(ACTING.applicant)).toMatchObject({ email: ACME_ADDRESS, sub: ACTING.applicant });

    const notifier = recordingNotifier();
    const report = await runWebhooks({ ...sys.deps, notifier }, sender);
    expect(report.emailsUnaddressed).toBe(0);
    const issued = notifier.seen.filter((m) => m.kind === 'holder_change' && m.number === number);
    expect(issued.map((m) => m.to)).toEqual([ACME_ADDRESS]);
  });

  it("keeps no address of staff, nor one the issuer did not verify, and the holder's e-mail waits unaddressed", async () => {
    expect(await kept(ACTING.admin)).toBeUndefined();

    const holder = 'applicant-unverified';
    expect(await signInWith(holder, 'someone@example.cn', false)).toBe(200);
    expect(await kept(holder)).toBeUndefined();
    const number = await subjects.certificate('valid', holder);
    const report = await runWebhooks({ ...sys.deps, notifier: recordingNotifier() }, sender);
    expect(report.emailsUnaddressed).toBeGreaterThanOrEqual(1);
    expect((await holderEmails(number)).map((e) => e.state)).toEqual(['unaddressed']);
  });

  it('replaces the address at a sign-in that names another, and removes it at one that is no longer verified', async () => {
    const holder = 'applicant-moving';
    await signInWith(holder, 'old@example.cn', true);
    expect(await kept(holder)).toMatchObject({ email: 'old@example.cn' });
    await signInWith(holder, 'new@example.cn', true);
    expect(await kept(holder)).toMatchObject({ email: 'new@example.cn' });
    await signInWith(holder, 'new@example.cn', false);
    expect(await kept(holder)).toBeUndefined();
  });

  it('removes the address in the transaction that unlinks the account from its organization', async () => {
    // A demo user's every request carries its verified address, as an issuer's ID token with the `email` scope.
    const holder = 'applicant-beta';
    const id = await subjects.application('submitted', holder);
    const { organization } = await ok(sys.api.get(`/v1/staff/applications/${id}`, ACTING.admin));
    expect(await kept(holder)).toMatchObject({ email: 'applicant-beta@demo.starmark.test' });

    const unlink = `/v1/staff/organizations/${organization.creditCode}/unlink-account`;
    const res = await sys.api.post(unlink, { sub: holder, reason: '已离职' }, ACTING.admin);
    expect(res.status).toBe(200);
    expect(res.body.accounts.map((a: { sub: string }) => a.sub)).not.toContain(holder);
    expect(await kept(holder)).toBeUndefined();
  });
});
