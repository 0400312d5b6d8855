/**
 * The applicant's appeal against a rejection, against DynamoDB Local: decided reversed, it marks the case in the
 * deciding step's transaction; an administrator reopens the case for the committee through its own transition
 * (reopen-on-appeal), which asks for that mark and spends it; the member who rejected it may neither decide it again
 * nor be named to, and another member's approval issues the certificate as for any case. A renewal reopened holds
 * its certificate again.
 */
import { describe, expect, it } from 'vitest';
import { sheetWithTotal } from '../../../shared/scheme';
import { auditProblems } from '../../support/audit-integrity';
import { useTestSystem } from '../../support/local-system';
import { Subjects } from '../../support/subjects';
import { refusedWithoutWrites } from '../../support/table-snapshot';
import { ACTING, CASE_APPEAL, ok } from '../../support/valid-requests';

const NOW = '2026-11-23T02:00:00Z';
const sys = useTestSystem({ now: NOW });
const subjects = new Subjects(sys);
const APPLICATIONS = '/v1/staff/applications';
/** A committee member who took no part in any subject's case: handles the appeal. */
const UNINVOLVED = 'committee-sun';
/** Another member who took no part either: decides the case again. */
const NEW_DECIDER = 'reviewer-sun';

const step = (matter: string, body: unknown, as: string) => sys.api.post(`/v1/staff/matters/${matter}/steps`, body, as);
const reopen = (id: string) =>
  sys.api.post(
    `${APPLICATIONS}/${id}/reopen-on-appeal`,
    { reason: '申诉委员会认定不予认证的依据不成立' },
    ACTING.admin,
  );

async function appealDecided(id: string, outcome: 'reversed' | 'confirmed') {
  const filed = await ok(sys.api.post(`${APPLICATIONS}/${id}/appeals`, CASE_APPEAL, ACTING.applicant));
  await ok(step(filed.id, { step: 'acknowledge' }, ACTING.admin));
  await ok(step(filed.id, { step: 'assign', handlerSub: UNINVOLVED }, ACTING.admin));
  await ok(step(filed.id, { step: 'decide', outcome }, UNINVOLVED));
  return filed.id as string;
}

describe('a rejection reversed on appeal', () => {
  it('marks the case, and the admin reopens it for a new decision, spending the mark', async () => {
    sys.setNow(NOW);
    const id = await subjects.application('rejected');
    const rejectedAt = (await sys.deps.store.getApplication(id))!.decision!.at;
    const matter = await appealDecided(id, 'reversed');

    const marked = (await sys.deps.store.getApplication(id))!;
    expect(marked.state).toBe('rejected');
    expect(marked.appealReversal).toMatchObject({ matterId: matter, decision: 'rejection', decidedAt: rejectedAt });

    const reopened = await reopen(id);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ state: 'scored' });
    expect(reopened.body.decision).toBeUndefined();
    expect(reopened.body.appealReversal).toBeUndefined();
    expect(reopened.body.recusedDeciders).toEqual(expect.arrayContaining([ACTING.committee, ACTING.evaluator]));

    const events = await sys.deps.store.listEvents(`application/${id}`);
    expect(events.slice(-3).map((e) => `${e.action}:${e.from}→${e.to}`)).toEqual([
      'reject:scored→rejected',
      'appeal-reversed:rejected→rejected',
      'reopen-on-appeal:rejected→scored',
    ]);
    expect(events.at(-1)?.data).toMatchObject({
      matterId: matter,
      reversedDecision: { by: ACTING.committee, at: rejectedAt },
    });
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);

    const again = await refusedWithoutWrites(sys, () => reopen(id));
    expect([again.status, again.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
  });

  it('is decided again by another member: the one who rejected it is refused, and not named', async () => {
    sys.setNow(NOW);
    const id = await subjects.application('rejected');
    await appealDecided(id, 'reversed');
    await ok(reopen(id));

    const byOriginal = await refusedWithoutWrites(sys, () =>
      sys.api.post(`${APPLICATIONS}/${id}/approve`, {}, ACTING.committee),
    );
    expect([byOriginal.status, byOriginal.body.code]).toEqual([403, 'IMPARTIALITY_CONFLICT']);
    const naming = await refusedWithoutWrites(sys, () =>
      sys.api.post(`${APPLICATIONS}/${id}/assign-committee`, { committeeSub: ACTING.committee }, ACTING.admin),
    );
    expect([naming.status, naming.body.code]).toEqual([403, 'IMPARTIALITY_CONFLICT']);

    // Nor is it in the rejecting member's queue of cases to decide; it is in another member's.
    const queue = async (sub: string) =>
      (
        (await ok(sys.api.get(`${APPLICATIONS}?queue=deciding&state=scored&limit=100`, sub))).items as { id: string }[]
      ).map((a) => a.id);
    expect(await queue(ACTING.committee)).not.toContain(id);
    expect(await queue(NEW_DECIDER)).toContain(id);

    await ok(sys.api.post(`${APPLICATIONS}/${id}/assign-committee`, { committeeSub: NEW_DECIDER }, ACTING.admin));
    const approved = await ok(sys.api.post(`${APPLICATIONS}/${id}/approve`, {}, NEW_DECIDER));
    expect(approved).toMatchObject({ state: 'approved', decision: { by: NEW_DECIDER, approved: true } });
    const issued = await ok(sys.api.post(`${APPLICATIONS}/${id}/issue`, {}, ACTING.admin));
    expect(issued.certificate).toMatchObject({ status: 'valid', applicationId: id });
  });

  it('confirmed, leaves the case rejected with nothing to reopen', async () => {
    sys.setNow(NOW);
    const id = await subjects.application('rejected');
    await appealDecided(id, 'confirmed');
    const refused = await refusedWithoutWrites(sys, () => reopen(id));
    expect([refused.status, refused.body.code]).toEqual([409, 'NO_REVERSED_APPEAL']);
  });

  it('on a renewal, holds its certificate for the reopened case again', async () => {
    sys.setNow(NOW);
    const number = await subjects.certificate('valid');
    const renewal = await ok(sys.api.post('/v1/staff/renewals', { certificateNumber: number }, ACTING.applicant));
    const id = renewal.id as string;
    for (const [slug, body, as] of [
      ['accept', { evaluatorSub: ACTING.evaluator, contractNo: 'HT-R1' }, ACTING.admin],
      ['pass-document-review', {}, ACTING.evaluator],
      ['record-on-site-review', { reviewDate: '2026-11-23', scoreSheet: sheetWithTotal(91) }, ACTING.evaluator],
      ['reject', { reason: '服务网点不足' }, ACTING.committee],
    ] as const)
      await ok(sys.api.post(`${APPLICATIONS}/${id}/${slug}`, body, as));
    expect((await sys.deps.store.getCertificate(number))!.openRenewalId).toBeUndefined();
    await appealDecided(id, 'reversed');
    await ok(reopen(id));
    expect((await sys.deps.store.getCertificate(number))!.openRenewalId).toBe(id);
    const events = await sys.deps.store.listEvents(`certificate/${number}`);
    expect(events.at(-1)).toMatchObject({ action: 'renewal-opened', data: { applicationId: id } });
  });
});

describe('an appeal against a rejection', () => {
  it('is refused to an applicant unlinked from the organization after the rejection, and writes nothing', async () => {
    sys.setNow(NOW);
    const id = await subjects.application('rejected');
    const { creditCode } = (await sys.deps.store.getApplication(id))!.organization;
    await ok(
      sys.api.post(`/v1/staff/organizations/${creditCode}/unlink-account`, { sub: ACTING.applicant }, ACTING.admin),
    );
    const res = await refusedWithoutWrites(sys, () =>
      sys.api.post(`${APPLICATIONS}/${id}/appeals`, CASE_APPEAL, ACTING.applicant),
    );
    expect([res.status, res.body.code]).toEqual([403, 'NOT_LINKED']);
  });
});
