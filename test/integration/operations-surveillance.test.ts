/**
 * Surveillance end to end over HTTP: a surveillance keeps the level by itself, or raises, lowers or suspends once the
 * committee confirms it; a passing surveillance afterwards lets staff reinstate the certificate.
 */
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../functions/service/sweep';
import { useTestSystem } from '../support/local-system';
import { certificateDesk } from '../support/walk';

const sys = useTestSystem({ now: '2026-01-05' });
const desk = certificateDesk(sys);

const issuedOn = (date: string, total = 92) => desk.issuedOn(date, total);
const surveil = (number: string, auditDate: string, total: number, extra: Record<string, unknown> = {}) =>
  desk.surveil(number, auditDate, total, extra);
/** A surveillance whose result the committee must decide, confirmed by it. */
const surveilConfirmed = async (number: string, auditDate: string, total: number) => {
  const held = await surveil(number, auditDate, total);
  expect(held.body.pendingSurveillance, JSON.stringify(held.body)).toBeDefined();
  return desk.decide(number, 'approve');
};
const act = (number: string, slug: string, reason = '依据监督审核结果') =>
  sys.api.post(`/v1/staff/certificates/${number}/${slug}`, { reason }, 'admin-qian');
const eventsOf = async (number: string) =>
  (await sys.api.get(`/v1/staff/certificates/${number}/events`, 'admin-qian')).body.items as any[];

describe('a surveillance scores the organization again', () => {
  it.each([
    ['keeps the level on a score in the same band', 93, 'keep', 'four'],
    ['raises the level on a higher score', 96, 'raise', 'five'],
    ['lowers the level on a lower score', 84, 'lower', 'three'],
  ] as const)('%s', async (_rule, total, outcome, level) => {
    const cert = await issuedOn('2026-01-05');
    sys.setNow('2026-12-15');
    const res =
      outcome === 'keep'
        ? await surveil(cert.number, '2026-12-14', total)
        : await surveilConfirmed(cert.number, '2026-12-14', total);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'valid',
      level,
      lastSurveillance: '2026-12-14',
      nextSurveillanceDue: '2027-12-14',
    });
    expect(res.body.surveillances.at(-1)).toMatchObject({ outcome, total, evaluatorSub: 'evaluator-li' });
    expect((await eventsOf(cert.number)).at(-1)).toMatchObject({
      action: outcome === 'keep' ? 'record-surveillance' : 'approve-surveillance',
      data: { outcome, total },
    });
    const published = (await sys.api.get(`/v1/certificates/${cert.number}`)).body;
    expect(published.level).toBe(level);
    expect(published.statusHistory.at(-1).reasonCategory).toBe(outcome === 'keep' ? 'issued' : 'level_changed');
  });

  it('suspends on a failing score, and a later passing surveillance lets staff reinstate', async () => {
    const cert = await issuedOn('2026-01-05');
    sys.setNow('2026-12-15');
    const failed = await surveilConfirmed(cert.number, '2026-12-14', 65);
    expect(failed.body).toMatchObject({ status: 'suspended', suspendedOn: '2026-12-15' });
    expect(failed.body.statusHistory.at(-1).reasonCategory).toBe('surveillance_failed');

    const early = await act(cert.number, 'reinstate');
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('SURVEILLANCE_NOT_PASSED');

    sys.setNow('2027-02-20');
    const passed = await surveilConfirmed(cert.number, '2027-02-19', 88);
    expect(passed.body).toMatchObject({ status: 'suspended', clearedOn: '2027-02-19', level: 'three' });
    const reinstated = await act(cert.number, 'reinstate');
    expect(reinstated.body).toMatchObject({ status: 'valid', suspendedOn: null, clearedOn: null });
    expect((await sys.api.get(`/v1/certificates/${cert.number}`)).body).toMatchObject({
      status: 'valid',
      level: 'three',
    });
    expect((await eventsOf(cert.number)).map((e) => e.action).slice(-5)).toEqual([
      'record-surveillance',
      'approve-surveillance',
      'record-surveillance',
      'approve-surveillance',
      'reinstate',
    ]);
  });

  it('counts the next surveillance 12 months from each audit, the one that clears a suspension too', async () => {
    const cert = await issuedOn('2026-01-05');
    sys.setNow('2026-07-01');
    expect((await surveilConfirmed(cert.number, '2026-07-01', 60)).body).toMatchObject({
      status: 'suspended',
      nextSurveillanceDue: '2027-07-01',
    });
    sys.setNow('2026-09-01');
    expect((await surveil(cert.number, '2026-09-01', 90)).body).toMatchObject({
      clearedOn: '2026-09-01',
      nextSurveillanceDue: '2027-09-01',
    });
    expect((await act(cert.number, 'reinstate')).body.status).toBe('valid');
  });

  it('suspends for cause found on site whatever the score', async () => {
    const cert = await issuedOn('2026-01-05');
    sys.setNow('2026-12-15');
    const res = await surveil(cert.number, '2026-12-14', 95, { suspendForCause: '维修记录造假' });
    expect(res.body.status).toBe('suspended');
    expect(res.body.statusHistory.at(-1).reasonCategory).toBe('for_cause');
  });

  it('reinstates a certificate the sweep suspended for an overdue surveillance once the surveillance is held', async () => {
    const cert = await issuedOn('2026-01-05');
    sys.setNow('2027-01-06');
    await runSweep(sys.deps);
    sys.setNow('2027-01-20');
    expect((await surveil(cert.number, '2027-01-19', 91)).body.clearedOn).toBe('2027-01-19');
    expect((await act(cert.number, 'reinstate')).body.status).toBe('valid');
    const history = (await sys.api.get(`/v1/certificates/${cert.number}`)).body.statusHistory.map(
      (h: any) => h.reasonCategory,
    );
    expect(history).toEqual(['issued', 'surveillance_overdue', 'reinstated']);
  });
});
