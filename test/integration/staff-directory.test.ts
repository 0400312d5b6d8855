/**
 * The staff directory over HTTP, against the real local system (DynamoDB Local, the dev identity provider's users
 * as the directory): admins list the members of a role; a person named for a role on a case must be in the
 * directory with that role; a case changes evaluator by reassignment with a reason, or by its evaluator declaring a
 * conflict of interest, after which that evaluator is never given it again; the member of the committee who decides
 * a scored case is chosen from the directory too.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../functions/local/dev-identity';
import { ROLES } from '../../shared/model';
import { type ApiResult, useTestSystem } from '../support/local-system';
import { newApplication } from '../support/organizations';
import { refusedWithoutWrites } from '../support/table-snapshot';
import { caseToScored, issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const ADMIN = 'admin-qian';

async function ok(call: Promise<{ status: number; body: any }>, status = 200) {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

const submitted = async () =>
  (await ok(sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme'), 201)).id as string;
const step = (id: string, slug: string, body: unknown, as: string) =>
  sys.api.post(`/v1/staff/applications/${id}/${slug}`, body, as);
const accepted = async (evaluatorSub = 'evaluator-li') => {
  const id = await submitted();
  await ok(step(id, 'accept', { evaluatorSub, contractNo: `HT-${id}` }, ADMIN));
  return id;
};
const caseOf = async (id: string) => (await ok(sys.api.get(`/v1/staff/applications/${id}`, ADMIN))) as any;
const eventsOf = async (id: string) =>
  (await ok(sys.api.get(`/v1/staff/applications/${id}/events`, ADMIN))).items as any[];

/** A refusal: its status and code, both titles present, and nothing in the table changed. */
async function refusedUnchanged(call: () => Promise<ApiResult>): Promise<string> {
  const res = await refusedWithoutWrites(sys, call);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body.title_zh).toBeTruthy();
  expect(res.body.title_en).toBeTruthy();
  return `${res.status} ${res.body.code}`;
}

describe('the staff directory lists the people holding a role, for admins', () => {
  it.each(ROLES)('lists every development user holding %s, with all their roles', async (role) => {
    const { items } = await ok(sys.api.get(`/v1/staff/directory/${role}`, ADMIN));
    const expected = DEMO_USERS.filter((u) => u.roles.includes(role))
      .map((u) => ({ sub: u.sub, name: u.name, roles: u.roles }))
      .sort((a, b) => a.sub.localeCompare(b.sub));
    expect(items).toEqual(expected);
    expect(items.length).toBeGreaterThan(0);
  });

  it('lists reviewer-sun among both the evaluators and the committee', async () => {
    const subs = async (role: string) =>
      (await ok(sys.api.get(`/v1/staff/directory/${role}`, ADMIN))).items.map((m: any) => m.sub);
    expect(await subs('evaluator')).toEqual(['evaluator-li', 'evaluator-wang', 'reviewer-sun']);
    expect(await subs('committee')).toEqual(['committee-zhao', 'reviewer-sun']);
  });

  it.each(['evaluator-li', 'committee-zhao', 'applicant-acme'])('is not listed to %s (403)', async (who) => {
    const res = await sys.api.get('/v1/staff/directory/evaluator', who);
    expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('refuses a role that does not exist as a 400', async () => {
    const res = await sys.api.get('/v1/staff/directory/system', ADMIN);
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('a person named for a role on a case is in the directory with that role', () => {
  it('refuses to accept a case for an evaluator nobody knows (422 ASSIGNEE_UNKNOWN), writing nothing', async () => {
    const id = await submitted();
    const accept = () => step(id, 'accept', { evaluatorSub: 'evaluator-typo', contractNo: 'HT-U-1' }, ADMIN);
    expect(await refusedUnchanged(accept)).toBe('422 ASSIGNEE_UNKNOWN');
    expect((await caseOf(id)).state).toBe('submitted');
  });

  it('refuses to accept a case for a person without the evaluator role (422 ASSIGNEE_LACKS_ROLE)', async () => {
    const id = await submitted();
    for (const who of ['committee-zhao', 'admin-qian', 'applicant-beta']) {
      const accept = () => step(id, 'accept', { evaluatorSub: who, contractNo: 'HT-L-1' }, ADMIN);
      expect(await refusedUnchanged(accept), who).toBe('422 ASSIGNEE_LACKS_ROLE');
    }
    await ok(step(id, 'accept', { evaluatorSub: 'reviewer-sun', contractNo: 'HT-L-1' }, ADMIN));
    expect((await caseOf(id)).evaluatorSub).toBe('reviewer-sun');
  });

  it("checks a certificate's surveillance evaluator the same way", async () => {
    const cert = await issuedCertificate(sys.api, 92);
    const assign = (evaluatorSub: string) => () =>
      sys.api.post(`/v1/staff/certificates/${cert.number}/assign-evaluator`, { evaluatorSub }, ADMIN);
    expect(await refusedUnchanged(assign('evaluator-gone'))).toBe('422 ASSIGNEE_UNKNOWN');
    expect(await refusedUnchanged(assign('committee-zhao'))).toBe('422 ASSIGNEE_LACKS_ROLE');
    expect((await ok(assign('evaluator-wang')())).evaluatorSub).toBe('evaluator-wang');
  });
});

describe('reassigning a case is a step of its own, with a reason', () => {
  it('gives the case to another evaluator, who then takes its steps; the old one no longer can', async () => {
    const id = await accepted('evaluator-li');
    const reason = '原评审员长期出差，改派';
    const moved = await ok(step(id, 'reassign-evaluator', { evaluatorSub: 'evaluator-wang', reason }, ADMIN));
    expect(moved).toMatchObject({ state: 'accepted', evaluatorSub: 'evaluator-wang' });
    const last = (await eventsOf(id)).at(-1);
    expect(last).toMatchObject({
      action: 'reassign-evaluator',
      from: 'accepted',
      to: 'accepted',
      reason,
      data: { evaluatorSub: 'evaluator-wang', previousEvaluatorSub: 'evaluator-li' },
      actor: { sub: ADMIN },
    });
    const old = await step(id, 'pass-document-review', {}, 'evaluator-li');
    expect([old.status, old.body.code]).toEqual([403, 'NOT_ASSIGNED_EVALUATOR']);
    expect((await ok(step(id, 'pass-document-review', {}, 'evaluator-wang'))).state).toBe('document_review_passed');
  });

  it('refuses a reassignment without a reason, to the same evaluator, or to someone not in the directory', async () => {
    const id = await accepted('evaluator-li');
    const reassign = (body: unknown) => () => step(id, 'reassign-evaluator', body, ADMIN);
    expect(await refusedUnchanged(reassign({ evaluatorSub: 'evaluator-wang' }))).toBe('400 VALIDATION_FAILED');
    expect(await refusedUnchanged(reassign({ evaluatorSub: 'evaluator-li', reason: '重复' }))).toBe(
      '422 ASSIGNEE_UNCHANGED',
    );
    expect(await refusedUnchanged(reassign({ evaluatorSub: 'evaluator-nobody', reason: '改派' }))).toBe(
      '422 ASSIGNEE_UNKNOWN',
    );
    expect(await refusedUnchanged(reassign({ evaluatorSub: 'committee-zhao', reason: '改派' }))).toBe(
      '422 ASSIGNEE_LACKS_ROLE',
    );
    // The case's own applicant is refused by the impartiality guard even when holding the evaluator role.
    expect(await refusedUnchanged(reassign({ evaluatorSub: 'applicant-acme', reason: '改派' }))).toBe(
      '403 SELF_DEALING',
    );
  });

  it('is an admin step, and not once the case is scored', async () => {
    const id = await accepted('evaluator-li');
    const byEvaluator = () =>
      step(id, 'reassign-evaluator', { evaluatorSub: 'evaluator-wang', reason: '自行改派' }, 'evaluator-li');
    expect(await refusedUnchanged(byEvaluator)).toBe('403 FORBIDDEN_ROLE');
    // Once scored, the case's evaluator is the one the committee's impartiality rule looks at: it stays.
    const scored = await caseToScored(sys.api, 90);
    const late = () => step(scored, 'reassign-evaluator', { evaluatorSub: 'evaluator-wang', reason: '改派' }, ADMIN);
    expect(await refusedUnchanged(late)).toBe('409 ILLEGAL_TRANSITION');
  });
});

describe('an evaluator declares a conflict of interest', () => {
  it('returns the case to the admin without an evaluator, and that evaluator is never given it again', async () => {
    const id = await accepted('evaluator-wang');
    const reason = '评审员曾担任该组织的质量顾问';
    const declared = await ok(step(id, 'declare-conflict', { reason }, 'evaluator-wang'));
    expect(declared.state).toBe('accepted');
    expect(declared.evaluatorSub).toBeUndefined();
    expect(declared.conflictedEvaluators).toEqual(['evaluator-wang']);
    expect((await eventsOf(id)).at(-1)).toMatchObject({
      action: 'declare-conflict',
      reason,
      data: { evaluatorSub: 'evaluator-wang' },
      actor: { sub: 'evaluator-wang' },
    });
    // Waiting for reassignment: nobody takes the evaluator's steps.
    for (const who of ['evaluator-wang', 'evaluator-li']) {
      const res = await step(id, 'pass-document-review', {}, who);
      expect([res.status, res.body.code], who).toEqual([403, 'NOT_ASSIGNED_EVALUATOR']);
    }
    const back = () => step(id, 'reassign-evaluator', { evaluatorSub: 'evaluator-wang', reason: '冲突已消除' }, ADMIN);
    expect(await refusedUnchanged(back)).toBe('422 EVALUATOR_CONFLICTED');
    const next = await ok(
      step(id, 'reassign-evaluator', { evaluatorSub: 'evaluator-li', reason: '因利益冲突改派' }, ADMIN),
    );
    expect(next).toMatchObject({ evaluatorSub: 'evaluator-li', conflictedEvaluators: ['evaluator-wang'] });
    expect((await eventsOf(id)).map((e) => e.action).slice(-2)).toEqual(['declare-conflict', 'reassign-evaluator']);
  });

  it('is declared only by the assigned evaluator, with a reason', async () => {
    const id = await accepted('evaluator-li');
    const declare = (body: unknown, who: string) => () => step(id, 'declare-conflict', body, who);
    expect(await refusedUnchanged(declare({ reason: '不是本人的案件' }, 'evaluator-wang'))).toBe(
      '403 NOT_ASSIGNED_EVALUATOR',
    );
    expect(await refusedUnchanged(declare({}, 'evaluator-li'))).toBe('400 VALIDATION_FAILED');
    expect(await refusedUnchanged(declare({ reason: '管理员代为声明' }, ADMIN))).toBe('403 FORBIDDEN_ROLE');
  });
});

describe('the admin names the committee member who decides a scored case, from the directory', () => {
  const name = (id: string, body: unknown) => () => step(id, 'assign-committee', body, ADMIN);

  it("refuses a person nobody knows, one without the committee role, and the case's evaluator", async () => {
    const id = await caseToScored(sys.api, 90, { by: { evaluator: 'reviewer-sun' } });
    expect(await refusedUnchanged(name(id, { committeeSub: 'committee-typo' }))).toBe('422 ASSIGNEE_UNKNOWN');
    expect(await refusedUnchanged(name(id, { committeeSub: 'evaluator-li' }))).toBe('422 ASSIGNEE_LACKS_ROLE');
    // reviewer-sun holds the committee role, but evaluated this case.
    expect(await refusedUnchanged(name(id, { committeeSub: 'reviewer-sun' }))).toBe('403 IMPARTIALITY_CONFLICT');
    expect((await caseOf(id)).committeeSub).toBeUndefined();
  });

  it('lets only the named member decide, and records the naming in the case history', async () => {
    const id = await caseToScored(sys.api, 90);
    expect((await ok(name(id, { committeeSub: 'reviewer-sun' })())).committeeSub).toBe('reviewer-sun');
    expect((await eventsOf(id)).at(-1)).toMatchObject({
      action: 'assign-committee',
      from: 'scored',
      to: 'scored',
      data: { committeeSub: 'reviewer-sun' },
      actor: { sub: ADMIN },
    });
    const other = () => step(id, 'approve', {}, 'committee-zhao');
    expect(await refusedUnchanged(other)).toBe('403 NOT_ASSIGNED_COMMITTEE');
    expect(await refusedUnchanged(name(id, { committeeSub: 'committee-zhao' }))).toBe(
      '422 COMMITTEE_CHANGE_NEEDS_REASON',
    );
    await ok(name(id, { committeeSub: 'committee-zhao', reason: '孙委员回避' })());
    expect((await ok(step(id, 'approve', {}, 'committee-zhao'))).state).toBe('approved');
  });
});
