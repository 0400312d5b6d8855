/**
 * One appeal per decision, against DynamoDB Local: a second appeal against the same rejection or suspension is
 * refused (409 APPEAL_ALREADY_FILED), writing nothing, while the first is open and once it was decided; of two filed
 * at once, one lands; an appeal dismissed undecided leaves the decision open to appeal; a case rejected again after
 * reopening is a new decision, appealed anew. The case's and the certificate's answers carry the appeal on record
 * against the decision they stand on, and the rule the console asks over them refuses exactly what the server does.
 */
import { describe, expect, it } from 'vitest';
import {
  appealOnRecordFor,
  caseAppealedDecision,
  certificateAppealedDecision,
  repeatAppealRefusal,
} from '../../../shared/complaints';
import { useTestSystem } from '../../support/local-system';
import { Subjects } from '../../support/subjects';
import { refusedWithoutWrites } from '../../support/table-snapshot';
import { ACTING, CASE_APPEAL, CERTIFICATE_APPEAL, ok } from '../../support/valid-requests';

const NOW = '2026-11-23T02:00:00Z';
const sys = useTestSystem({ now: NOW });
const subjects = new Subjects(sys);
const UNINVOLVED = 'committee-sun';
const NEW_DECIDER = 'reviewer-sun';

const caseAppeal = (id: string) => sys.api.post(`/v1/staff/applications/${id}/appeals`, CASE_APPEAL, ACTING.applicant);
const certificateAppeal = (number: string) =>
  sys.api.post(`/v1/staff/certificates/${number}/appeals`, CERTIFICATE_APPEAL, ACTING.applicant);
const step = (matter: string, body: unknown, as: string) => sys.api.post(`/v1/staff/matters/${matter}/steps`, body, as);

async function decide(matter: string, outcome: 'reversed' | 'confirmed') {
  await ok(step(matter, { step: 'acknowledge' }, ACTING.admin));
  await ok(step(matter, { step: 'assign', handlerSub: UNINVOLVED }, ACTING.admin));
  await ok(step(matter, { step: 'decide', outcome }, UNINVOLVED));
}

const refusedAgain = async (file: () => Promise<{ status: number; body: any; headers: Headers }>) => {
  const again = await refusedWithoutWrites(sys, file);
  return [again.status, again.body.code];
};

describe('a second appeal against the same decision', () => {
  it('is refused while the first is open, and once it was decided and replied to', async () => {
    sys.setNow(NOW);
    const id = await subjects.application('rejected');
    const first = await ok(caseAppeal(id));
    expect(await refusedAgain(() => caseAppeal(id))).toEqual([409, 'APPEAL_ALREADY_FILED']);
    await decide(first.id, 'confirmed');
    expect(await refusedAgain(() => caseAppeal(id))).toEqual([409, 'APPEAL_ALREADY_FILED']);
    await ok(step(first.id, { step: 'reply', reply: '经复核，维持原决定。' }, ACTING.admin));
    expect(await refusedAgain(() => caseAppeal(id))).toEqual([409, 'APPEAL_ALREADY_FILED']);
  });

  it('against a suspension, is refused the same way', async () => {
    sys.setNow(NOW);
    const number = await subjects.suspendedCertificate();
    const first = await ok(certificateAppeal(number));
    expect(await refusedAgain(() => certificateAppeal(number))).toEqual([409, 'APPEAL_ALREADY_FILED']);
    await decide(first.id, 'confirmed');
    expect(await refusedAgain(() => certificateAppeal(number))).toEqual([409, 'APPEAL_ALREADY_FILED']);
  });

  it('filed twice at once, lands once', async () => {
    sys.setNow(NOW);
    const id = await subjects.application('rejected');
    const results = await Promise.all([caseAppeal(id), caseAppeal(id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('may be filed after the first was dismissed without a decision', async () => {
    sys.setNow(NOW);
    const id = await subjects.application('rejected');
    const first = await ok(caseAppeal(id));
    await ok(step(first.id, { step: 'dismiss', reason: '申请人误提交' }, ACTING.admin));
    expect((await caseAppeal(id)).status).toBe(201);
  });

  it('is a new appeal when the case, reopened on appeal, was rejected again', async () => {
    sys.setNow(NOW);
    const id = await subjects.application('rejected');
    const first = await ok(caseAppeal(id));
    await decide(first.id, 'reversed');
    await ok(sys.api.post(`/v1/staff/applications/${id}/reopen-on-appeal`, { reason: '申诉撤销原决定' }, ACTING.admin));
    // Decided again the next day: the decision is named by when it was taken.
    sys.setNow('2026-11-24T02:00:00Z');
    await ok(sys.api.post(`/v1/staff/applications/${id}/reject`, { reason: '复核后仍网点不足' }, NEW_DECIDER));
    const second = await caseAppeal(id);
    expect(second.status).toBe(201);
    expect(second.body.involved).toContain(NEW_DECIDER);
  });
});

describe('the appeal on record, in the answers the console reads', () => {
  const caseAnswer = async (id: string) => await ok(sys.api.get(`/v1/staff/applications/${id}`, ACTING.applicant));
  const certificateAnswer = async (number: string) =>
    await ok(sys.api.get(`/v1/staff/certificates/${number}`, ACTING.applicant));
  /** What the console decides from the answer alone, by the rule the server asks. */
  const consoleRefusesCase = (a: any) =>
    repeatAppealRefusal(appealOnRecordFor(a.appeals, caseAppealedDecision(a, 'rejection')));

  it('names the case’s appeal and where it stands, and the console refuses what the server refuses', async () => {
    sys.setNow(NOW);
    const id = await subjects.application('rejected');
    const before = await caseAnswer(id);
    expect(before.appeals).toEqual([]);
    expect(consoleRefusesCase(before)).toBeNull();
    const first = await ok(caseAppeal(id));
    const filed = await caseAnswer(id);
    expect(filed.appeals).toEqual([{ decisionKey: expect.any(String), matterId: first.id, state: 'received' }]);
    expect(consoleRefusesCase(filed)).toBe('APPEAL_ALREADY_FILED');
    expect(await refusedAgain(() => caseAppeal(id))).toEqual([409, 'APPEAL_ALREADY_FILED']);
    await decide(first.id, 'confirmed');
    expect((await caseAnswer(id)).appeals).toMatchObject([{ state: 'decided', outcome: 'confirmed' }]);
  });

  it('names no appeal once the first was dismissed undecided: the console offers it again, as the server takes it', async () => {
    sys.setNow(NOW);
    const id = await subjects.application('rejected');
    const first = await ok(caseAppeal(id));
    await ok(step(first.id, { step: 'dismiss', reason: '申请人误提交' }, ACTING.admin));
    const dismissed = await caseAnswer(id);
    expect(dismissed.appeals).toMatchObject([{ matterId: first.id, state: 'closed' }]);
    expect(consoleRefusesCase(dismissed)).toBeNull();
    expect((await caseAppeal(id)).status).toBe(201);
  });

  it('names the certificate’s appeal against the suspension it stands on', async () => {
    sys.setNow(NOW);
    const number = await subjects.suspendedCertificate();
    expect((await certificateAnswer(number)).appeals).toEqual([]);
    const first = await ok(certificateAppeal(number));
    const answer = await certificateAnswer(number);
    expect(answer.appeals).toEqual([{ decisionKey: expect.any(String), matterId: first.id, state: 'received' }]);
    const about = certificateAppealedDecision(answer, 'suspension');
    expect(repeatAppealRefusal(appealOnRecordFor(answer.appeals, about))).toBe('APPEAL_ALREADY_FILED');
  });
});
