/**
 * The staff directory of an OIDC deployment, whose members the registry cannot list: each member of staff is kept
 * as their last verified sign-in named them (the staff function's own wrapper, against DynamoDB Local). Nobody can
 * be assigned before signing in; a role the issuer takes away lapses at the next sign-in, and a sign-in older than
 * the directory's period names nobody.
 */
import { describe, expect, it } from 'vitest';
import { SignInDirectory } from '../../functions/directory/sign-in-directory';
import { SIGN_IN_DIRECTORY_DAYS } from '../../shared/directory';
import { keys } from '../../shared/store/keys';
import { useTestSystem } from '../support/local-system';
import { newApplication } from '../support/organizations';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z', directory: 'sign-ins' });
const ADMIN = 'admin-qian';

const evaluators = async () =>
  (await sys.api.get<{ items: { sub: string }[] }>('/v1/staff/directory/evaluator', ADMIN)).body.items.map(
    (m) => m.sub,
  );
const submitted = async () =>
  (await sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme')).body.id;
const accept = (id: string, evaluatorSub: string) =>
  sys.api.post(`/v1/staff/applications/${id}/accept`, { evaluatorSub, contractNo: `HT-${id}` }, ADMIN);
/** Any staff request signs its caller in: here, reading the case. */
const signIn = async (sub: string, id: string) => (await sys.api.get(`/v1/staff/applications/${id}`, sub)).status;
const kept = (sub: string) => sys.deps.store.getItem(keys.staffMember(sub).pk, keys.staffMember(sub).sk);

describe('a directory made of staff sign-ins', () => {
  it('refuses to assign an evaluator who has never signed in, and assigns them once they have', async () => {
    const id = await submitted();
    const before = await accept(id, 'evaluator-wang');
    expect([before.status, before.body.code]).toEqual([422, 'ASSIGNEE_UNKNOWN']);
    expect(await evaluators()).not.toContain('evaluator-wang');

    expect(await signIn('evaluator-wang', id)).toBe(200);
    expect(await evaluators()).toContain('evaluator-wang');
    const after = await accept(id, 'evaluator-wang');
    expect([after.status, after.body.evaluatorSub]).toEqual([200, 'evaluator-wang']);
  });

  it('keeps members of staff only: an applicant who signs in is nobody to assign', async () => {
    await signIn('applicant-beta', await submitted());
    expect(await kept('applicant-beta')).toBeUndefined();
    const res = await accept(await submitted(), 'applicant-beta');
    expect([res.status, res.body.code]).toEqual([422, 'ASSIGNEE_UNKNOWN']);
  });

  it('writes a repeated sign-in that changes nothing once a day at most', async () => {
    const id = await submitted();
    await signIn('evaluator-li', id);
    const first = (await kept('evaluator-li'))?.signedInAt;
    sys.setNow('2026-11-23T08:00:00Z');
    await signIn('evaluator-li', id);
    expect((await kept('evaluator-li'))?.signedInAt).toBe(first);
  });

  it('drops a role the issuer took away at that person’s next sign-in', async () => {
    const directory = new SignInDirectory(sys.deps.store, sys.deps.clock);
    await directory.recordSignIn({ sub: 'reviewer-zhou', name: '周审', roles: ['evaluator', 'committee'] });
    expect((await directory.membersOf('evaluator')).map((m) => m.sub)).toContain('reviewer-zhou');
    await directory.recordSignIn({ sub: 'reviewer-zhou', name: '周审', roles: ['committee'] });
    expect((await directory.membersOf('evaluator')).map((m) => m.sub)).not.toContain('reviewer-zhou');
    expect(await directory.find('reviewer-zhou')).toEqual({ sub: 'reviewer-zhou', name: '周审', roles: ['committee'] });
    const res = await accept(await submitted(), 'reviewer-zhou');
    expect([res.status, res.body.code]).toEqual([422, 'ASSIGNEE_LACKS_ROLE']);
  });

  it(`names nobody whose last sign-in is older than ${SIGN_IN_DIRECTORY_DAYS} days`, async () => {
    sys.setNow('2026-11-23T02:00:00Z');
    const directory = new SignInDirectory(sys.deps.store, sys.deps.clock);
    await directory.recordSignIn({ sub: 'evaluator-gone', name: '离职评审员', roles: ['evaluator'] });
    sys.setNow('2026-12-24T02:00:00Z');
    expect(await directory.find('evaluator-gone')).toBeNull();
    expect(await evaluators()).not.toContain('evaluator-gone');
    const res = await accept(await submitted(), 'evaluator-gone');
    expect([res.status, res.body.code]).toEqual([422, 'ASSIGNEE_UNKNOWN']);
  });
});
