/**
 * The case queues over HTTP on DynamoDB Local: an evaluator's queue holds its own cases only; the committee's holds
 * the cases awaiting a decision that the member may take (not one it evaluated, nor one it declared a conflict on,
 * nor one named to another member) —
 * the same answer as the lifecycle's own guards, filtered in the query, so that every page is full while more follow;
 * each tab's count is the number of cases it lists; a queue is its holder's alone.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar';
import { inCaseQueue } from '../../shared/lifecycle/queues';
import { applicationStepRefusal } from '../../shared/lifecycle/step-refusal';
import type { Actor, Application } from '../../shared/model';
import { SCHEME_CALENDAR, sheetWithTotal } from '../../shared/scheme';
import { useTestSystem } from '../support/local-system';
import { newApplication } from '../support/organizations';
import { caseToScored, systemToday } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23' });
const get = (path: string, as: string) => sys.api.get(path, as);

/** Every page of a listing, with the size of each page. */
async function allPages(path: string, as: string, limit: number) {
  const items: Application[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  do {
    const res = await get(`${path}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, as);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    sizes.push(res.body.items.length);
    cursor = res.body.cursor;
  } while (cursor);
  return { items, sizes };
}

const step = async (id: string, slug: string, body: Record<string, unknown>, as: string) => {
  const res = await sys.api.post(`/v1/staff/applications/${id}/${slug}`, body, as);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

async function conflictedThenScored(): Promise<string> {
  const submitted = await sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme');
  const id: string = submitted.body.id;
  await step(id, 'accept', { evaluatorSub: 'reviewer-sun', contractNo: `HT-${id}` }, 'admin-qian');
  await step(id, 'declare-conflict', { reason: '曾为该组织提供咨询' }, 'reviewer-sun');
  await step(id, 'reassign-evaluator', { evaluatorSub: 'evaluator-li', reason: '利益冲突改派' }, 'admin-qian');
  await step(id, 'pass-document-review', {}, 'evaluator-li');
  const scoreSheet = sheetWithTotal(89);
  await step(id, 'record-on-site-review', { reviewDate: await systemToday(sys.api), scoreSheet }, 'evaluator-li');
  return id;
}

const ids = (items: Application[]) => items.map((a) => a.id).sort();

describe('the case queues', () => {
  it("hold an evaluator's own cases, and the committee's cases it may decide, filtered in the query", async () => {
    const byLi = [await caseToScored(sys.api, 90), await caseToScored(sys.api, 88), await caseToScored(sys.api, 91)];
    const bySun = [
      await caseToScored(sys.api, 92, { by: { evaluator: 'reviewer-sun' } }),
      await caseToScored(sys.api, 93, { by: { evaluator: 'reviewer-sun' } }),
    ];
    // reviewer-sun steps aside from a case it was given, which evaluator-li then scores: sun may not decide it.
    const conflicted = await conflictedThenScored();
    // The admin names committee-zhao to decide a case evaluator-li scored: sun may no longer decide it.
    const namedToZhao = await caseToScored(sys.api, 90);
    await step(namedToZhao, 'assign-committee', { committeeSub: 'committee-zhao' }, 'admin-qian');
    const all = (await allPages('/v1/staff/applications?state=scored', 'admin-qian', 100)).items;
    const lis = await allPages('/v1/staff/applications?queue=evaluating&state=scored', 'evaluator-li', 100);
    expect(ids(lis.items)).toEqual(expect.arrayContaining([...byLi].sort()));
    expect(lis.items.every((a) => a.evaluatorSub === 'evaluator-li')).toBe(true);
    const suns = await allPages('/v1/staff/applications?queue=evaluating&state=scored', 'reviewer-sun', 100);
    expect(ids(suns.items)).toEqual([...bySun].sort());

    // The member's queue is the lifecycle's answer: exactly the scored cases it may approve or reject.
    const deciding = await allPages('/v1/staff/applications?queue=deciding&state=scored', 'reviewer-sun', 1);
    const sun: Actor = { sub: 'reviewer-sun', roles: ['evaluator', 'committee'] };
    const mayDecide = all.filter((a) => applicationStepRefusal(a, 'reject', sun) === null);
    expect(ids(deciding.items)).toEqual(ids(mayDecide));
    expect(ids(deciding.items)).toEqual(
      ids(all.filter((a) => inCaseQueue({ queue: 'deciding', sub: 'reviewer-sun', state: 'scored' }, a))),
    );
    for (const id of [...bySun, conflicted, namedToZhao]) expect(ids(deciding.items)).not.toContain(id);
    expect(ids(deciding.items)).toEqual(expect.arrayContaining(byLi));
    // Filtered in the query: one case a page, none short while more follow (the last page may be empty).
    expect(deciding.sizes.slice(0, -1).every((n) => n === 1)).toBe(true);
    expect(deciding.sizes.length).toBeGreaterThanOrEqual(deciding.items.length);
    const zhao = await allPages('/v1/staff/applications?queue=deciding&state=scored', 'committee-zhao', 100);
    expect(ids(zhao.items)).toEqual(ids(all));

    const counts = async (queue: string, as: string) =>
      (await get(`/v1/staff/case-queue-counts?queue=${queue}`, as)).body.counts;
    expect(await counts('deciding', 'reviewer-sun')).toEqual({ scored: deciding.items.length });
    expect((await counts('evaluating', 'reviewer-sun')).scored).toBe(bySun.length);
    expect((await counts('evaluating', 'evaluator-li')).scored).toBe(lis.items.length);
    expect((await counts('all', 'admin-qian')).scored).toBe(all.length);
    expect(Object.keys(await counts('all', 'admin-qian'))).toContain('submitted');
    expect(Object.keys(await counts('evaluating', 'evaluator-li'))).not.toContain('submitted');
  });

  it("is its holder's alone: no evaluator's queue for the committee, no queue for an applicant", async () => {
    for (const [path, as] of [
      ['/v1/staff/applications?queue=evaluating&state=scored', 'committee-zhao'],
      ['/v1/staff/applications?queue=deciding&state=scored', 'evaluator-li'],
      ['/v1/staff/applications?queue=deciding&state=scored', 'applicant-acme'],
      ['/v1/staff/case-queue-counts?queue=evaluating', 'admin-qian'],
      ['/v1/staff/case-queue-counts?queue=all', 'applicant-acme'],
    ] as const) {
      const res = await get(path, as);
      expect(res.status, `${path} as ${as}`).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN_ROLE');
    }
  });
});

describe("a queue's cases", () => {
  it("are answered with their due date, seen from the server's today, the overdue with days negative", async () => {
    sys.setNow('2026-11-01');
    const late = (await sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme')).body.id as string;
    sys.setNow('2026-11-03');
    await step(late, 'accept', { evaluatorSub: 'evaluator-li', contractNo: `HT-${late}` }, 'admin-qian');
    sys.setNow('2026-11-23');
    const fresh = (await sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme')).body.id as string;

    const accepted = await get('/v1/staff/applications?queue=evaluating&state=accepted&limit=100', 'evaluator-li');
    expect(accepted.status).toBe(200);
    expect(accepted.body.today).toBe('2026-11-23');
    const due = SCHEME_CALENDAR.caseDays;
    expect(accepted.body.items.find((a: Application) => a.id === late).due).toEqual({
      awaits: 'document_review',
      owedBy: 'body',
      on: addDays('2026-11-03', due.documentReview),
      daysLeft: due.documentReview - 20,
      certificateEnds: false,
    });
    const submitted = (await get('/v1/staff/applications?state=submitted&limit=100', 'admin-qian')).body;
    expect(submitted.items.find((a: Application) => a.id === fresh).due).toMatchObject({
      awaits: 'application_review',
      on: addDays('2026-11-23', due.applicationReview),
      daysLeft: due.applicationReview,
    });
    // The applicant's own list answers the same dates: what it owes after a return for revision is its own.
    await step(late, 'return-for-revision', { reason: '服务手册缺少投诉处理流程' }, 'evaluator-li');
    const mine = (await get('/v1/staff/applications?state=revision_requested', 'applicant-acme')).body;
    expect(mine.items.find((a: Application) => a.id === late).due).toMatchObject({
      awaits: 'revision',
      owedBy: 'applicant',
      on: addDays('2026-11-23', due.revision),
    });
    const issued = (await get('/v1/staff/applications?state=issued&limit=100', 'admin-qian')).body;
    for (const a of issued.items) expect(a.due).toBeNull();
  });
});
