/**
 * The handling queue against DynamoDB Local: a report goes from received to closed by uninvolved staff, each step
 * with its audit event and never the reporter's contact or words in one; the contact is gone once the reply is;
 * nobody involved in what a matter is about may be assigned to it; two steps taken at once never both succeed; an
 * applicant appeals the decision on its own case within the appeal period, and none of its deciders handles it.
 */
import { describe, expect, it } from 'vitest';
import { OutboxNotifier } from '../../../functions/notify/outbox';
import { runDailyOperations } from '../../../functions/service/sweep';
import { SCHEME_CALENDAR } from '../../../shared/scheme/calendar';
import { keys } from '../../../shared/store/keys';
import { counterfeitReport, solvedProof } from '../../support/complaints';
import { decidedReport } from '../../support/decided-report';
import { useTestSystem } from '../../support/local-system';
import { Subjects } from '../../support/subjects';
import { scanAll } from '../../support/table-snapshot';
import { ACTING } from '../../support/valid-requests';

const NOW = '2026-11-23T02:00:00Z';
const sys = useTestSystem({ now: NOW });
const subjects = new Subjects(sys);
const QUEUE = '/v1/staff/matters';
const step = (id: string, body: unknown, as: string) => sys.api.post(`${QUEUE}/${id}/steps`, body, as);
const report = async (extra: Record<string, unknown> = {}) => {
  const res = await sys.api.post('/v1/reports', await counterfeitReport(sys.api, extra));
  expect(res.status).toBe(201);
  return res.body.id as string;
};

describe('the handling queue', () => {
  it('takes a report from receipt to reply by uninvolved staff; the contact goes with the closing', async () => {
    const id = await report({ contact: 'reporter@example.test' });
    expect((await step(id, { step: 'acknowledge' }, ACTING.admin)).status).toBe(200);
    expect((await step(id, { step: 'assign', handlerSub: ACTING.evaluator }, ACTING.admin)).status).toBe(200);
    // Only the person it is assigned to records notes and decides.
    const other = await step(id, { step: 'add-note', note: '非本人' }, 'evaluator-wang');
    expect([other.status, other.body.code]).toEqual([403, 'NOT_ASSIGNED_EVALUATOR']);
    expect((await step(id, { step: 'add-note', note: '已致电门店，店主称标志系网购' }, ACTING.evaluator)).status).toBe(
      200,
    );
    expect((await step(id, { step: 'decide', outcome: 'upheld' }, ACTING.evaluator)).status).toBe(200);
    const closed = await step(id, { step: 'reply', reply: '经核查属实，已移交市场监管部门' }, ACTING.admin);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', outcome: 'upheld', handlerSub: ACTING.evaluator });
    const stored = await sys.deps.store.getItem(keys.matter(id).pk, keys.matter(id).sk);
    expect(stored?.contact).toBeUndefined();
    expect(stored?.gsi1pk).toBe('MATTERSTATE#closed');
    const view = await sys.api.get(`${QUEUE}/${id}`, ACTING.admin);
    expect(view.body.events.map((e: { action: string; to: string }) => `${e.action}→${e.to}`)).toEqual([
      'receive→received',
      'acknowledge→acknowledged',
      'assign→investigating',
      'add-note→investigating',
      'decide→decided',
      'reply→closed',
    ]);
    const trail = JSON.stringify(view.body.events);
    for (const secret of ['reporter@example.test', '店主', '移交']) expect(trail).not.toContain(secret);
  });

  it('lists open matters oldest first with the day their answer is owed, and reports grouped by number and city', async () => {
    const first = await report({ seenAt: { kind: 'shop', city: '厦门' } });
    await report({ seenAt: { kind: 'shop', city: '厦门' } });
    const queue = await sys.api.get(QUEUE, ACTING.evaluator);
    expect(queue.status).toBe(200);
    const entry = queue.body.open.find((o: { matter: { id: string } }) => o.matter.id === first);
    // Received on 23 November (Beijing): acknowledged within 5 days.
    expect(entry.deadline).toBe('2026-11-28');
    const ids = queue.body.open.map((o: { matter: { receivedAt: string } }) => o.matter.receivedAt);
    expect(ids).toEqual([...ids].sort());
    expect(queue.body.patterns.byCity.find((c: { city: string }) => c.city === '厦门')?.count).toBeGreaterThanOrEqual(
      2,
    );
    expect(queue.body.patterns.byNumber[0]).toMatchObject({ number: 'SM-SV-2026-000001' });
    expect((await sys.api.get(QUEUE, ACTING.applicant)).body.code).toBe('FORBIDDEN_ROLE');
  });

  it('refuses to assign a complaint to the evaluator of the certificate it is about, writing nothing', async () => {
    const number = await subjects.certificate('valid');
    const filed = await sys.api.post('/v1/reports', {
      kind: 'organization-complaint',
      number,
      description: '报修后两周无人上门，400 电话无人接听',
      proof: await solvedProof(sys.api),
    });
    const id = filed.body.id as string;
    expect((await step(id, { step: 'acknowledge' }, ACTING.admin)).status).toBe(200);
    const before = await scanAll(sys.dynamo.endpoint);
    const refused = await step(id, { step: 'assign', handlerSub: ACTING.evaluator }, ACTING.admin);
    expect([refused.status, refused.body.code]).toEqual([403, 'INVOLVED_IN_MATTER']);
    expect(await scanAll(sys.dynamo.endpoint)).toEqual(before);
  });

  it("shows the reporter's contact only to those handling the matter, and never in the queue", async () => {
    const id = await report({ contact: 'handled-only@example.test' });
    const queue = await sys.api.get(QUEUE, ACTING.admin);
    expect(JSON.stringify(queue.body)).not.toContain('handled-only@example.test');
    expect((await sys.api.get(`${QUEUE}/${id}`, ACTING.admin)).body.matter.contact).toBe('handled-only@example.test');
    expect((await sys.api.get(`${QUEUE}/${id}`, ACTING.evaluator)).body.matter.contact).toBeUndefined();
    expect((await step(id, { step: 'acknowledge' }, ACTING.admin)).status).toBe(200);
    expect((await step(id, { step: 'assign', handlerSub: ACTING.evaluator }, ACTING.admin)).status).toBe(200);
    expect((await sys.api.get(`${QUEUE}/${id}`, ACTING.evaluator)).body.matter.contact).toBe(
      'handled-only@example.test',
    );
    expect((await sys.api.get(`${QUEUE}/${id}`, 'evaluator-wang')).body.matter.contact).toBeUndefined();
  });

  it("refuses an outcome that does not answer the matter's kind, writing nothing", async () => {
    const id = await report();
    expect((await step(id, { step: 'acknowledge' }, ACTING.admin)).status).toBe(200);
    expect((await step(id, { step: 'assign', handlerSub: ACTING.evaluator }, ACTING.admin)).status).toBe(200);
    const before = await scanAll(sys.dynamo.endpoint);
    const refused = await step(id, { step: 'decide', outcome: 'reversed' }, ACTING.evaluator);
    expect([refused.status, refused.body.code, refused.body.errors?.[0]?.path]).toEqual([
      400,
      'VALIDATION_FAILED',
      'body.outcome',
    ]);
    expect(await scanAll(sys.dynamo.endpoint)).toEqual(before);
  });

  it('lets one of two steps taken at once succeed; the other is a conflict', async () => {
    const id = await report();
    const results = await Promise.all([
      step(id, { step: 'acknowledge' }, ACTING.admin),
      step(id, { step: 'dismiss', reason: '重复举报' }, ACTING.admin),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = await sys.deps.store.listEvents(`matter/${id}`);
    expect(events).toHaveLength(2);
  });
});

describe('an appeal', () => {
  const appeal = (id: string, as = ACTING.applicant) =>
    sys.api.post(
      `/v1/staff/applications/${id}/appeals`,
      { decision: 'rejection', grounds: '评分表第 3 项漏计现场整改记录' },
      as,
    );

  it('is filed by the applicant against its rejection; none who evaluated or decided the case may handle it', async () => {
    sys.setNow(NOW);
    const id = await subjects.application('rejected');
    const filed = await appeal(id);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ kind: 'appeal', appealOf: { applicationId: id, decision: 'rejection' } });
    expect(filed.body.involved).toEqual(expect.arrayContaining([ACTING.evaluator, ACTING.committee]));
    const matter = filed.body.id as string;
    expect((await step(matter, { step: 'acknowledge' }, ACTING.admin)).status).toBe(200);
    for (const involved of [ACTING.evaluator, ACTING.committee]) {
      const refused = await step(matter, { step: 'assign', handlerSub: involved }, ACTING.admin);
      expect([refused.status, refused.body.code]).toEqual([403, 'INVOLVED_IN_MATTER']);
    }
    expect((await step(matter, { step: 'assign', handlerSub: 'committee-sun' }, ACTING.admin)).status).toBe(200);
    // An appeal is the committee's to decide: an evaluator, even one assigned, may not.
    const decided = await step(matter, { step: 'decide', outcome: 'reversed' }, 'committee-sun');
    expect([decided.status, decided.body.outcome]).toEqual([200, 'reversed']);
  });

  it("is refused after the appeal period, and for another organization's case, writing nothing", async () => {
    sys.setNow(NOW);
    const id = await subjects.application('rejected');
    const before = await scanAll(sys.dynamo.endpoint);
    expect((await appeal(id, 'applicant-beta')).body.code).toBe('NOT_FOUND');
    sys.setNow(new Date(Date.parse(NOW) + (SCHEME_CALENDAR.appealDays + 1) * 86_400_000).toISOString());
    const late = await appeal(id);
    expect([late.status, late.body.code]).toEqual([422, 'APPEAL_DEADLINE_PASSED']);
    expect(await scanAll(sys.dynamo.endpoint)).toEqual(before);
    sys.setNow(NOW);
  });
});

describe('the reply to the reporter', () => {
  /** A report taken to its decision, waiting for the reply. */
  const decided = (extra: Record<string, unknown>) => decidedReport(sys.api, extra);
  const repliesTo = async (id: string) => {
    const res = await sys.api.get('/v1/staff/outbox?limit=100', ACTING.admin);
    expect(res.status).toBe(200);
    return res.body.items.filter(
      (e: { kind: string; matterId?: string }) => e.kind === 'matter_reply' && e.matterId === id,
    );
  };

  it('is queued once for an e-mail address, in the transaction that closes the matter and removes the contact', async () => {
    const address = 'reply-me@example.test';
    const id = await decided({ contact: address });
    // Two replies at once: one closing wins, and the loser queues no message either.
    const results = await Promise.all(
      ['经核查属实，已移交市场监管部门', '重复答复'].map((reply) => step(id, { step: 'reply', reply }, ACTING.admin)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = results.find((r) => r.status === 200)?.body;
    const sent = await repliesTo(id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ status: 'sent', channel: 'outbox' });
    expect(sent[0].text).toContain(won.reply);
    // Sent, the message keeps what was said and forgets to whom; the matter has forgotten the contact.
    expect(JSON.stringify(sent[0])).not.toContain(address);
    const stored = await sys.deps.store.getItem(keys.matter(id).pk, keys.matter(id).sk);
    expect(stored).toMatchObject({ state: 'closed' });
    expect(stored?.contact).toBeUndefined();
    const events = await sys.deps.store.listEvents(`matter/${id}`);
    expect(events.filter((e) => e.action === 'reply')).toHaveLength(1);
    expect(JSON.stringify(await scanAll(sys.dynamo.endpoint))).not.toContain(address);
  });

  it('sends nothing where the reporter left a phone number or no contact', async () => {
    for (const extra of [{ contact: '13800000000' }, {}]) {
      const id = await decided(extra);
      expect((await step(id, { step: 'reply', reply: '经核查不属实' }, ACTING.admin)).status).toBe(200);
      expect(await repliesTo(id)).toEqual([]);
      expect((await sys.deps.store.getItem(keys.matter(id).pk, keys.matter(id).sk))?.contact).toBeUndefined();
    }
  });
});

describe('the daily sweep', () => {
  it('reminds staff once of a matter whose acknowledgement is overdue, naming nothing of what was reported', async () => {
    sys.setNow(NOW);
    const late = await report({ contact: 'late@example.test', description: '门店张贴的星级标志与证书不符' });
    const answered = await report();
    expect((await step(answered, { step: 'acknowledge' }, ACTING.admin)).status).toBe(200);
    const sweep = () => runDailyOperations(sys.deps, new OutboxNotifier());
    try {
      // Received on 23 November (Beijing): acknowledged by the 28th; on the 29th it is late.
      sys.setNow('2026-11-29T02:00:00Z');
      const first = await sweep();
      const key = `matter-overdue#${late}#received#2026-11-28`;
      expect(first.matters.sent).toContain(key);
      expect(first.matters.sent.filter((k) => k.includes(answered))).toEqual([]);
      const again = await sweep();
      expect(again.matters.sent).not.toContain(key);
      const outbox = (await sys.api.get('/v1/staff/outbox?limit=100', ACTING.admin)).body.items.filter(
        (e: { key: string }) => e.key === key,
      );
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({ kind: 'matter_overdue', matterId: late, status: 'sent' });
      for (const secret of ['late@example.test', '星级标志与证书不符'])
        expect(JSON.stringify(outbox)).not.toContain(secret);
    } finally {
      sys.setNow(NOW);
    }
  });
});
