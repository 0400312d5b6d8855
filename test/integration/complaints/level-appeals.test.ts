/**
 * The holder's appeal against its star level, against DynamoDB Local: decided reversed, it marks the certificate in
 * the deciding step's transaction, and nothing public moves; a committee member none of the appeal's involved sets
 * the level it decides (set-level-on-appeal), once, with everything a change of level brings in one transaction: the
 * status-history line, the audit event, the transparency-log entry, the national-platform report item, the re-signed
 * mark and the holder's notice. A case reopened on appeal below the pass mark goes back to its evaluator, is scored
 * again and decided again.
 */
import { describe, expect, it } from 'vitest';
import { REPORT_ITEM_ENTITY } from '../../../shared/national-report/writes';
import { sheetWithTotal } from '../../../shared/scheme';
import { keys } from '../../../shared/store/keys';
import { decodeLogEntry, utf8 } from '../../../shared/transparency-log';
import { webhookKeys } from '../../../shared/webhooks/subscriptions';
import { auditProblems } from '../../support/audit-integrity';
import { useTestSystem } from '../../support/local-system';
import { Subjects } from '../../support/subjects';
import { refusedWithoutWrites, scanAll } from '../../support/table-snapshot';
import { ACTING, CASE_APPEAL, LEVEL_APPEAL, ok } from '../../support/valid-requests';

const NOW = '2026-11-23T02:00:00Z';
const sys = useTestSystem({ now: NOW });
const subjects = new Subjects(sys);
const APPLICATIONS = '/v1/staff/applications';
const CERTIFICATES = '/v1/staff/certificates';
/** A committee member who took no part in any subject's case: handles the appeal. */
const UNINVOLVED = 'committee-sun';
const SET = { level: 'five', score: 96, reason: '申诉委员会复核评分表，第 3 项应得满分' };

const step = (matter: string, body: unknown, as: string) => sys.api.post(`/v1/staff/matters/${matter}/steps`, body, as);
const setLevel = (number: string, as: string, body: unknown = SET) =>
  sys.api.post(`${CERTIFICATES}/${number}/set-level-on-appeal`, body, as);

async function appealDecided(id: string, body: unknown, outcome: 'reversed' | 'confirmed') {
  const filed = await ok(sys.api.post(`${APPLICATIONS}/${id}/appeals`, body, ACTING.applicant));
  await ok(step(filed.id, { step: 'acknowledge' }, ACTING.admin));
  await ok(step(filed.id, { step: 'assign', handlerSub: UNINVOLVED }, ACTING.admin));
  await ok(step(filed.id, { step: 'decide', outcome }, UNINVOLVED));
  return filed.id as string;
}

/** A four-star certificate of a case evaluated by evaluator-li and approved by committee-zhao: its number and case. */
async function fourStar(): Promise<{ id: string; number: string }> {
  const id = await subjects.application('issued');
  const number = (await sys.deps.store.getApplication(id))!.certificateNumber!;
  return { id, number };
}

async function logEntryAt(index: number) {
  const item = await sys.deps.store.getItem(keys.logEntry(index).pk, keys.logEntry(index).sk);
  return decodeLogEntry(utf8.encode(String(item?.entry)));
}

const reportItemsOf = async (number: string) =>
  (await scanAll(sys.dynamo.endpoint)).filter((i) => i.entity === REPORT_ITEM_ENTITY && i.number === number);

const holderNotices = async (number: string) =>
  (await sys.deps.store.queryItems(webhookKeys.emails, { limit: 100 })).items.filter(
    (i: any) => i.entity === 'holder-email' && i.notice.number === number,
  );

describe('a star-level decision reversed on appeal', () => {
  it('marks the certificate, and an uninvolved member sets the new level with its complete history', async () => {
    sys.setNow(NOW);
    const { id, number } = await fourStar();
    const issued = (await sys.deps.store.getCertificate(number))!;
    expect(issued.level).toBe('four');
    const matter = await appealDecided(id, LEVEL_APPEAL, 'reversed');

    // The decision marks the certificate; nothing public moves yet: no log entry, no report item, no notice.
    const marked = (await sys.deps.store.getCertificate(number))!;
    expect(marked).toMatchObject({ level: 'four', status: 'valid', token: issued.token });
    expect(marked.levelAppealReversal).toMatchObject({ matterId: matter, decision: 'level', level: 'four', entry: 0 });
    expect(marked.log?.index).toBe(issued.log?.index);
    expect((await reportItemsOf(number)).map((r) => r.kind)).toEqual(['issuance']);
    const noticesBefore = (await holderNotices(number)).length;

    // Whoever evaluated or decided the level may not set it; nor may an administrator.
    for (const involved of [ACTING.committee]) {
      const refused = await refusedWithoutWrites(sys, () => setLevel(number, involved));
      expect([refused.status, refused.body.code]).toEqual([403, 'IMPARTIALITY_CONFLICT']);
    }
    const byAdmin = await refusedWithoutWrites(sys, () => setLevel(number, ACTING.admin));
    expect([byAdmin.status, byAdmin.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    // Only the scheme's level for the score stated, and not the level held.
    const notForScore = await refusedWithoutWrites(sys, () => setLevel(number, 'reviewer-sun', { ...SET, score: 92 }));
    expect([notForScore.status, notForScore.body.code]).toEqual([422, 'LEVEL_NOT_FOR_SCORE']);
    expect(notForScore.body.errors?.[0]).toMatchObject({ path: 'body.level' });
    const unchanged = await refusedWithoutWrites(sys, () =>
      setLevel(number, 'reviewer-sun', { ...SET, level: 'four', score: 93 }),
    );
    expect([unchanged.status, unchanged.body.code]).toEqual([422, 'LEVEL_UNCHANGED']);

    const set = await setLevel(number, 'reviewer-sun');
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ level: 'five', score: 96, status: 'valid' });
    expect(set.body.levelAppealReversal).toBeUndefined();

    const certificate = (await sys.deps.store.getCertificate(number))!;
    expect(certificate.statusHistory.at(-1)).toEqual({
      date: '2026-11-23',
      status: 'valid',
      reasonCategory: 'level_changed',
      level: 'five',
    });
    // The mark names the new level: re-signed.
    expect(certificate.token).not.toBe(issued.token);
    const events = await sys.deps.store.listEvents(`certificate/${number}`);
    expect(events.slice(-2).map((e) => `${e.action}:${e.from}→${e.to}`)).toEqual([
      'appeal-reversed:valid→valid',
      'set-level-on-appeal:valid→valid',
    ]);
    expect(events.at(-1)).toMatchObject({
      actor: { sub: 'reviewer-sun' },
      reason: SET.reason,
      data: { matterId: matter, level: 'five', total: 96, previousLevel: 'four' },
    });
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
    // The transparency log's next entry, chained to the issue's.
    expect(certificate.log!.index).toBeGreaterThan(issued.log!.index);
    expect(await logEntryAt(certificate.log!.index)).toMatchObject({
      event: 'level_changed',
      prev: issued.log!.index,
      certificate: { number, level: 'five', status: 'valid', statusReason: 'level_changed' },
    });
    // The national platform is told of the change of level; the public record and the holder follow.
    const reports = await reportItemsOf(number);
    expect(reports.map((r) => r.kind)).toEqual(['issuance', 'change']);
    expect(reports.at(-1)).toMatchObject({ level: 'five', change: { field: 'level', from: 'four', to: 'five' } });
    const published = (await sys.api.get(`/v1/certificates/${number}`)).body;
    expect(published.level).toBe('five');
    expect(published.statusHistory.at(-1).reasonCategory).toBe('level_changed');
    expect((await holderNotices(number)).length).toBe(noticesBefore + 1);

    // Once only: the mark is spent.
    const again = await refusedWithoutWrites(sys, () =>
      setLevel(number, 'reviewer-sun', { ...SET, level: 'three', score: 85 }),
    );
    expect([again.status, again.body.code]).toEqual([409, 'NO_REVERSED_APPEAL']);
  });

  it('sets the level once when two members try at once (the other is a 409)', async () => {
    sys.setNow(NOW);
    const { id, number } = await fourStar();
    await appealDecided(id, LEVEL_APPEAL, 'reversed');
    const answers = await Promise.all([setLevel(number, 'reviewer-sun'), setLevel(number, UNINVOLVED)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const certificate = (await sys.deps.store.getCertificate(number))!;
    expect(certificate.statusHistory.filter((l) => l.reasonCategory === 'level_changed')).toHaveLength(1);
    expect((await reportItemsOf(number)).map((r) => r.kind)).toEqual(['issuance', 'change']);
  });

  it('confirmed, leaves the level as it was with nothing to set', async () => {
    sys.setNow(NOW);
    const { id, number } = await fourStar();
    await appealDecided(id, LEVEL_APPEAL, 'confirmed');
    expect((await sys.deps.store.getCertificate(number))!.levelAppealReversal).toBeUndefined();
    const refused = await refusedWithoutWrites(sys, () => setLevel(number, 'reviewer-sun'));
    expect([refused.status, refused.body.code]).toEqual([409, 'NO_REVERSED_APPEAL']);
  });
});

describe('a star-level decision reversed on appeal before its certificate was issued', () => {
  it('waits on the case, goes onto the certificate the case issues, and the level is set there', async () => {
    sys.setNow(NOW);
    const id = await subjects.application('approved');
    const matter = await appealDecided(id, LEVEL_APPEAL, 'reversed');
    const waiting = (await sys.deps.store.getApplication(id))!;
    expect(waiting).toMatchObject({ state: 'approved', levelAppealPending: { matterId: matter, decision: 'level' } });
    expect((await sys.deps.store.listEvents(`application/${id}`)).at(-1)).toMatchObject({
      action: 'appeal-reversed',
      data: { matterId: matter, decision: 'level' },
    });

    await ok(sys.api.post(`${APPLICATIONS}/${id}/issue`, {}, ACTING.admin));
    const issuedCase = (await sys.deps.store.getApplication(id))!;
    expect(issuedCase.levelAppealPending).toBeUndefined();
    const number = issuedCase.certificateNumber!;
    const certificate = (await sys.deps.store.getCertificate(number))!;
    expect(certificate.levelAppealReversal).toMatchObject({ matterId: matter, level: 'four', entry: 0 });

    // Whoever decided the level may not set it; an uninvolved member does, with its line in the history.
    const refused = await refusedWithoutWrites(sys, () => setLevel(number, ACTING.committee));
    expect([refused.status, refused.body.code]).toEqual([403, 'IMPARTIALITY_CONFLICT']);
    expect((await setLevel(number, 'reviewer-sun')).status).toBe(200);
    const changed = (await sys.deps.store.getCertificate(number))!;
    expect(changed.level).toBe('five');
    expect(changed.statusHistory.map((line) => line.reasonCategory)).toEqual(['issued', 'level_changed']);
    expect((await reportItemsOf(number)).map((r) => r.kind)).toEqual(['issuance', 'change']);
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
  });
});

describe('a case reopened on appeal below the pass mark', () => {
  it('goes back to its evaluator, is scored again and approved by a member who took no part', async () => {
    sys.setNow(NOW);
    const id = await subjects.application('document_review_passed');
    const path = `${APPLICATIONS}/${id}`;
    await ok(
      sys.api.post(
        `${path}/record-on-site-review`,
        { reviewDate: '2026-11-23', scoreSheet: sheetWithTotal(62) },
        ACTING.evaluator,
      ),
    );
    await ok(sys.api.post(`${path}/reject`, { reason: '评分低于合格线' }, ACTING.committee));
    const matter = await appealDecided(id, CASE_APPEAL, 'reversed');
    await ok(sys.api.post(`${path}/reopen-on-appeal`, { reason: '申诉撤销原决定' }, ACTING.admin));

    // Approving is refused (below the pass mark); the member who rejected it may not send it back either.
    const approve = await refusedWithoutWrites(sys, () => sys.api.post(`${path}/approve`, {}, 'reviewer-sun'));
    expect([approve.status, approve.body.code]).toEqual([422, 'SCORE_BELOW_THRESHOLD']);
    const reason = { reason: '申诉认定现场审核漏查整改记录，须重新现场审核' };
    const byRejecter = await refusedWithoutWrites(sys, () =>
      sys.api.post(`${path}/return-for-reassessment`, reason, ACTING.committee),
    );
    expect([byRejecter.status, byRejecter.body.code]).toEqual([403, 'IMPARTIALITY_CONFLICT']);

    const back = await ok(sys.api.post(`${path}/return-for-reassessment`, reason, 'reviewer-sun'));
    expect(back).toMatchObject({ state: 'document_review_passed', evaluatorSub: ACTING.evaluator });
    expect(back.scoreSheet).toBeUndefined();
    // In the evaluator's queue again.
    const queue = await ok(
      sys.api.get(`${APPLICATIONS}?queue=evaluating&state=document_review_passed&limit=100`, ACTING.evaluator),
    );
    expect((queue.items as { id: string }[]).map((a) => a.id)).toContain(id);

    const rescored = await ok(
      sys.api.post(
        `${path}/record-on-site-review`,
        { reviewDate: '2026-11-23', scoreSheet: sheetWithTotal(84) },
        ACTING.evaluator,
      ),
    );
    expect(rescored).toMatchObject({ state: 'scored', score: { total: 84, level: 'three', passed: true } });
    const again = await refusedWithoutWrites(sys, () =>
      sys.api.post(`${path}/return-for-reassessment`, reason, 'reviewer-sun'),
    );
    expect([again.status, again.body.code]).toEqual([409, 'NO_REVERSED_APPEAL']);
    await ok(sys.api.post(`${path}/approve`, {}, 'reviewer-sun'));
    const issued = await ok(sys.api.post(`${path}/issue`, {}, ACTING.admin));
    expect(issued.certificate).toMatchObject({ status: 'valid', level: 'three' });

    const events = await sys.deps.store.listEvents(`application/${id}`);
    expect(events.slice(-6).map((e) => `${e.action}:${e.from}→${e.to}`)).toEqual([
      'appeal-reversed:rejected→rejected',
      'reopen-on-appeal:rejected→scored',
      'return-for-reassessment:scored→document_review_passed',
      'record-on-site-review:document_review_passed→scored',
      'approve:scored→approved',
      'issue:approved→issued',
    ]);
    expect(events.at(-4)).toMatchObject({
      actor: { sub: 'reviewer-sun' },
      reason: reason.reason,
      data: { matterId: matter, total: 62, level: null, evaluatorSub: ACTING.evaluator },
    });
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
  });
});
