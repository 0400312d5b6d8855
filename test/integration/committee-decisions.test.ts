/**
 * The committee decides every change of level, over HTTP: a result that keeps the level closes by itself; one that
 * changes it waits, and until a committee member who did not audit it decides, the public record, the star mark and
 * the transparency-log entry keep the current level. Only the certificate's assigned evaluator records its
 * surveillance; a refused request writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { sheetWithTotal } from '../../shared/scheme';
import { type ApiResult, useTestSystem } from '../support/local-system';
import { refusalOf } from '../support/table-snapshot';
import { certificateDesk, issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23' });
const desk = certificateDesk(sys);

const post = (number: string, slug: string, body: Record<string, unknown>, as: string) =>
  sys.api.post(`/v1/staff/certificates/${number}/${slug}`, body, as);
const surveilAs = (number: string, total: number, as: string) =>
  post(number, 'record-surveillance', { auditDate: '2026-11-23', scoreSheet: sheetWithTotal(total) }, as);
const stored = async (number: string) => (await sys.api.get(`/v1/staff/certificates/${number}`, 'admin-qian')).body;
const published = async (number: string) => (await sys.api.get(`/v1/certificates/${number}`)).body;

/** A refused request, with proof that the table did not change. */
const refused = (call: () => Promise<ApiResult>) => refusalOf(sys, call);

describe('a surveillance that changes the level waits for the committee', () => {
  it('keeps the public record, the mark and the log entry at the current level until the committee confirms', async () => {
    const cert = await issuedCertificate(sys.api, 92);
    const before = { record: await published(cert.number), stored: await stored(cert.number) };
    const held = await desk.surveil(cert.number, '2026-11-23', 96);
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ level: 'four', token: before.stored.token });
    expect((await stored(cert.number)).log).toEqual(before.stored.log);
    expect(held.body.pendingSurveillance).toMatchObject({ total: 96, level: 'five', grounds: ['level_change'] });
    const { asOf: _a, ...waiting } = await published(cert.number);
    const { asOf: _b, ...earlier } = before.record;
    expect(waiting).toEqual(earlier);
    // Nothing of the waiting result reaches the public (the log note's own 'pending' is about integration).
    const { log: _log, ...facts } = waiting;
    expect(JSON.stringify(facts)).not.toContain('pending');

    const confirmed = await desk.decide(cert.number, 'approve');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ level: 'five', lastSurveillance: '2026-11-23' });
    expect(confirmed.body.pendingSurveillance).toBeUndefined();
    expect(confirmed.body.token).not.toBe(before.stored.token);
    expect((await stored(cert.number)).log.index).toBeGreaterThan(before.stored.log.index);
    expect((await published(cert.number)).level).toBe('five');
  });

  it('waits on a score below 70 and suspends only once the committee confirms it', async () => {
    const cert = await issuedCertificate(sys.api, 92);
    expect((await desk.surveil(cert.number, '2026-11-23', 65)).body).toMatchObject({
      status: 'valid',
      pendingSurveillance: { grounds: ['below_pass'], outcome: 'suspend' },
    });
    expect((await published(cert.number)).status).toBe('valid');
    expect((await desk.decide(cert.number, 'approve')).body.status).toBe('suspended');
  });

  it('waits on five special deductions', async () => {
    const cert = await issuedCertificate(sys.api, 92);
    const specialDeductions = Array.from({ length: 5 }, (_, i) => ({ reason: `虚假承诺 ${i + 1}` }));
    const held = await post(
      cert.number,
      'record-surveillance',
      { auditDate: '2026-11-23', scoreSheet: { ...sheetWithTotal(100), specialDeductions } },
      'evaluator-li',
    );
    expect(held.body.pendingSurveillance.grounds).toContain('special_deductions');
  });

  it('closes by itself when the score keeps the level', async () => {
    const cert = await issuedCertificate(sys.api, 92);
    const held = await desk.surveil(cert.number, '2026-11-23', 93);
    expect(held.body).toMatchObject({ level: 'four', score: 93, lastSurveillance: '2026-11-23' });
    expect(held.body.pendingSurveillance).toBeUndefined();
  });

  it('on refusal keeps the level and the dates, and the surveillance stays due', async () => {
    const cert = await issuedCertificate(sys.api, 92);
    await desk.surveil(cert.number, '2026-11-23', 96);
    const res = await desk.decide(cert.number, 'refuse');
    expect(res.body).toMatchObject({
      level: 'four',
      lastSurveillance: null,
      nextSurveillanceDue: cert.nextSurveillanceDue,
    });
    expect(res.body.pendingSurveillance).toBeUndefined();
    const events = (await sys.api.get(`/v1/staff/certificates/${cert.number}/events`, 'admin-qian')).body.items;
    expect(events.at(-1)).toMatchObject({ action: 'refuse-surveillance', reason: '评分依据不足，需重新审核' });
  });

  it('refuses a second surveillance while one waits, and writes nothing', async () => {
    const cert = await issuedCertificate(sys.api, 92);
    await desk.surveil(cert.number, '2026-11-23', 96);
    expect(await refused(() => surveilAs(cert.number, 92, 'evaluator-li'))).toBe('409 SURVEILLANCE_PENDING');
  });

  it('refuses the decision to a committee member who audited it, and writes nothing', async () => {
    // reviewer-sun is evaluator and committee member: assigned to this case, it audits, so it may not decide.
    const cert = await issuedCertificate(sys.api, 92, { by: { evaluator: 'reviewer-sun' } });
    await surveilAs(cert.number, 96, 'reviewer-sun');
    for (const slug of ['approve-surveillance', 'refuse-surveillance']) {
      expect(await refused(() => post(cert.number, slug, { reason: '同意' }, 'reviewer-sun'))).toBe(
        slug === 'approve-surveillance' ? '400 VALIDATION_FAILED' : '403 IMPARTIALITY_CONFLICT',
      );
    }
    expect(await refused(() => post(cert.number, 'approve-surveillance', {}, 'reviewer-sun'))).toBe(
      '403 IMPARTIALITY_CONFLICT',
    );
    expect((await post(cert.number, 'approve-surveillance', {}, 'committee-zhao')).body.level).toBe('five');
  });

  it('refuses a decision when no result waits, and writes nothing', async () => {
    const cert = await issuedCertificate(sys.api, 92);
    expect(await refused(() => desk.decide(cert.number, 'approve'))).toBe('409 NO_PENDING_SURVEILLANCE');
  });
});

describe('only an evaluator assigned to the certificate records its surveillance', () => {
  it("carries the case's evaluator over to the certificate", async () => {
    const cert = await issuedCertificate(sys.api, 92);
    expect(cert.evaluatorSub).toBe('evaluator-li');
  });

  it('refuses another evaluator, and writes nothing', async () => {
    const cert = await issuedCertificate(sys.api, 92);
    expect(await refused(() => surveilAs(cert.number, 99, 'evaluator-wang'))).toBe('403 NOT_ASSIGNED_EVALUATOR');
  });

  it('lets an admin assign another evaluator, who then records it and the former one no longer may', async () => {
    const cert = await issuedCertificate(sys.api, 92);
    const assigned = await post(cert.number, 'assign-evaluator', { evaluatorSub: 'evaluator-wang' }, 'admin-qian');
    expect(assigned.body.evaluatorSub).toBe('evaluator-wang');
    expect(await refused(() => surveilAs(cert.number, 92, 'evaluator-li'))).toBe('403 NOT_ASSIGNED_EVALUATOR');
    expect((await surveilAs(cert.number, 92, 'evaluator-wang')).status).toBe(200);
  });

  it("refuses the certificate's own applicant as its evaluator, and writes nothing", async () => {
    const cert = await issuedCertificate(sys.api, 92);
    expect(
      await refused(() => post(cert.number, 'assign-evaluator', { evaluatorSub: 'applicant-acme' }, 'admin-qian')),
    ).toBe('403 SELF_DEALING');
  });
});
