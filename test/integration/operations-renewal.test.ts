/**
 * Renewal end to end over HTTP: opened before expiry by the holder, reviewed like an initial case, and continuing the
 * same number into a new three-year cycle with no gap.
 */
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../functions/service/sweep';
import { sheetWithTotal } from '../../shared/scheme';
import { useTestSystem } from '../support/local-system';
import { certificateDesk } from '../support/walk';

const sys = useTestSystem({ now: '2026-01-05' });
const desk = certificateDesk(sys);

const issuedOn = (date: string, total = 92) => desk.issuedOn(date, total);
const surveil = (number: string, auditDate: string, total: number, extra: Record<string, unknown> = {}) =>
  desk.surveil(number, auditDate, total, extra);

describe('renewal', () => {
  async function certificateNearExpiry() {
    const cert = await issuedOn('2026-01-05');
    for (const auditDate of ['2026-12-20', '2027-12-20']) {
      sys.setNow(auditDate);
      expect((await surveil(cert.number, auditDate, 92)).status).toBe(200);
    }
    return cert;
  }
  const step = async (path: string, body: unknown, who: string, status = 200) => {
    const res = await sys.api.post(path, body, who);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };

  it('continues the same number into a new three-year cycle that starts the day after the old one ends', async () => {
    const cert = await certificateNearExpiry();
    sys.setNow('2028-09-01');
    const renewal = await step('/v1/staff/renewals', { certificateNumber: cert.number }, 'applicant-acme', 201);
    expect(renewal).toMatchObject({ kind: 'renewal', renewalOf: cert.number, state: 'submitted' });
    const twice = await sys.api.post('/v1/staff/renewals', { certificateNumber: cert.number }, 'applicant-acme');
    expect(twice.body.code).toBe('RENEWAL_ALREADY_OPEN');
    const stranger = await sys.api.post('/v1/staff/renewals', { certificateNumber: cert.number }, 'applicant-beta');
    expect(stranger.body.code).toBe('NOT_FOUND');

    const base = `/v1/staff/applications/${renewal.id}`;
    await step(`${base}/accept`, { evaluatorSub: 'evaluator-wang', contractNo: 'HT-R-1' }, 'admin-qian');
    await step(`${base}/pass-document-review`, {}, 'evaluator-wang');
    await step(
      `${base}/record-on-site-review`,
      { reviewDate: '2028-09-01', scoreSheet: sheetWithTotal(95.5) },
      'evaluator-wang',
    );
    await step(`${base}/approve`, {}, 'committee-zhao');
    const issued = await step(`${base}/issue`, {}, 'admin-qian');

    expect(issued.certificate).toMatchObject({
      number: cert.number,
      cycle: 2,
      level: 'five',
      validFrom: '2029-01-05',
      validUntil: '2032-01-04',
      nextSurveillanceDue: '2030-01-05',
      status: 'valid',
    });
    expect(issued.certificate.openRenewalId).toBeUndefined();
    expect(issued.application).toMatchObject({ state: 'issued', certificateNumber: cert.number });

    sys.setNow('2029-01-05');
    expect((await runSweep(sys.deps)).changed.map((c) => c.number)).not.toContain(cert.number);
    const published = (await sys.api.get(`/v1/certificates/${cert.number}`)).body;
    expect(published).toMatchObject({ status: 'valid', cycle: 2, level: 'five', validUntil: '2032-01-04' });
    expect(published.statusHistory.at(-1)).toMatchObject({ status: 'valid', reasonCategory: 'renewed' });
  });

  it('frees the certificate for another attempt when the committee rejects the renewal', async () => {
    const cert = await certificateNearExpiry();
    sys.setNow('2028-08-01');
    const first = await step('/v1/staff/renewals', { certificateNumber: cert.number }, 'applicant-acme', 201);
    const base = `/v1/staff/applications/${first.id}`;
    await step(`${base}/accept`, { evaluatorSub: 'evaluator-li', contractNo: 'HT-R-2' }, 'admin-qian');
    await step(`${base}/pass-document-review`, {}, 'evaluator-li');
    await step(
      `${base}/record-on-site-review`,
      { reviewDate: '2028-08-01', scoreSheet: sheetWithTotal(72) },
      'evaluator-li',
    );
    await step(`${base}/reject`, { reason: '服务网点覆盖不足' }, 'committee-zhao');
    const again = await step('/v1/staff/renewals', { certificateNumber: cert.number }, 'applicant-acme', 201);
    expect(again.renewalOf).toBe(cert.number);
  });

  it('is closed when the certificate expires: the organization starts again', async () => {
    const cert = await certificateNearExpiry();
    sys.setNow('2028-12-01');
    const renewal = await step('/v1/staff/renewals', { certificateNumber: cert.number }, 'applicant-acme', 201);
    const base = `/v1/staff/applications/${renewal.id}`;
    await step(`${base}/accept`, { evaluatorSub: 'evaluator-li', contractNo: 'HT-R-3' }, 'admin-qian');
    await step(`${base}/pass-document-review`, {}, 'evaluator-li');
    sys.setNow('2028-12-20');
    await step(
      `${base}/record-on-site-review`,
      { reviewDate: '2028-12-20', scoreSheet: sheetWithTotal(90) },
      'evaluator-li',
    );
    await step(`${base}/approve`, {}, 'committee-zhao');
    sys.setNow('2029-01-05');
    expect((await runSweep(sys.deps)).changed).toContainEqual({ number: cert.number, action: 'expire' });
    expect((await sys.api.get(base, 'admin-qian')).body.state).toBe('withdrawn');
    const late = await sys.api.post(`${base}/issue`, {}, 'admin-qian');
    expect([late.status, late.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect((await sys.api.get(`/v1/certificates/${cert.number}`)).body.status).toBe('expired');
  });
});
