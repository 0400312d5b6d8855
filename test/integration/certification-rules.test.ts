/**
 * The certification rules over HTTP, as an assessor tries them: dates outside the rules and self-dealing are refused
 * with a 422 or 403 problem naming the rule, and a refused request writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { sheetWithTotal } from '../../shared/scheme';
import { type ApiResult, useTestSystem } from '../support/local-system';
import { newApplication } from '../support/organizations';
import { refusalOf } from '../support/table-snapshot';
import { caseToScored, issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23' });

async function ok(call: Promise<{ status: number; body: any }>, status = 200) {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** A refused request, with proof that the table did not change. */
const refused = (call: () => Promise<ApiResult>) => refusalOf(sys, call);

describe('dates within the rules', () => {
  it('refuses a surveillance dated 2099-01-01 or 1900-01-01, or tomorrow, and writes nothing', async () => {
    const cert = await issuedCertificate(sys.api);
    const surveil = (auditDate: string) => () =>
      sys.api.post(
        `/v1/staff/certificates/${cert.number}/record-surveillance`,
        { auditDate, scoreSheet: sheetWithTotal(92) },
        'evaluator-li',
      );
    expect(await refused(surveil('2099-01-01'))).toBe('422 AUDIT_OUTSIDE_CYCLE');
    expect(await refused(surveil('1900-01-01'))).toBe('422 AUDIT_OUTSIDE_CYCLE');
    expect(await refused(surveil('2026-11-24'))).toBe('422 DATE_AFTER_TODAY');
  });

  it('refuses an on-site review dated in the future or before acceptance, and writes nothing', async () => {
    const app = await ok(sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme'), 201);
    const base = `/v1/staff/applications/${app.id}`;
    await ok(sys.api.post(`${base}/accept`, { evaluatorSub: 'evaluator-li', contractNo: 'HT-D-1' }, 'admin-qian'));
    await ok(sys.api.post(`${base}/pass-document-review`, {}, 'evaluator-li'));
    const review = (reviewDate: string) => () =>
      sys.api.post(`${base}/record-on-site-review`, { reviewDate, scoreSheet: sheetWithTotal(90) }, 'evaluator-li');
    expect(await refused(review('2026-11-24'))).toBe('422 DATE_AFTER_TODAY');
    expect(await refused(review('2026-11-22'))).toBe('422 REVIEW_BEFORE_ACCEPTANCE');
    await ok(review('2026-11-23')());
  });

  it('refuses a postponement asked for after the deadline, even before the sweep suspended', async () => {
    sys.setNow('2026-11-23');
    const cert = await issuedCertificate(sys.api);
    sys.setNow('2027-11-24');
    const late = () =>
      sys.api.post(
        `/v1/staff/certificates/${cert.number}/postpone-surveillance`,
        { until: '2028-01-20', reason: '受审核方搬迁' },
        'admin-qian',
      );
    expect(await refused(late)).toBe('422 POSTPONEMENT_AFTER_DEADLINE');
    sys.setNow('2026-11-23');
  });
});

describe('no self-dealing', () => {
  it("refuses a committee member's approval of the case they applied for", async () => {
    const id = await caseToScored(sys.api, 91, { by: { applicant: 'applicant.committee-zhou' } });
    const approve = () => sys.api.post(`/v1/staff/applications/${id}/approve`, {}, 'applicant.committee-zhou');
    expect(await refused(approve)).toBe('403 SELF_DEALING');
    await ok(sys.api.post(`/v1/staff/applications/${id}/approve`, {}, 'committee-zhao'));
  });

  it('lets a user with every role submit, but take no staff step on the own case', async () => {
    const everyone = 'applicant.evaluator.committee.admin-wu';
    const app = await ok(sys.api.post('/v1/staff/applications', newApplication(), everyone), 201);
    const accept = () =>
      sys.api.post(
        `/v1/staff/applications/${app.id}/accept`,
        { evaluatorSub: 'evaluator-li', contractNo: 'HT-S-1' },
        everyone,
      );
    expect(await refused(accept)).toBe('403 SELF_DEALING');
    const assignSelf = () =>
      sys.api.post(
        `/v1/staff/applications/${app.id}/accept`,
        { evaluatorSub: everyone, contractNo: 'HT-S-1' },
        'admin-qian',
      );
    expect(await refused(assignSelf)).toBe('403 SELF_DEALING');
  });

  it('refuses staff steps on a certificate to the person who applied for it', async () => {
    const holder = 'applicant.admin.evaluator-xu';
    const cert = await issuedCertificate(sys.api, 92, { by: { applicant: holder } });
    const suspend = () => sys.api.post(`/v1/staff/certificates/${cert.number}/suspend`, { reason: '自查' }, holder);
    const surveil = () =>
      sys.api.post(
        `/v1/staff/certificates/${cert.number}/record-surveillance`,
        { auditDate: '2026-11-23', scoreSheet: sheetWithTotal(97) },
        holder,
      );
    expect(await refused(suspend)).toBe('403 SELF_DEALING');
    expect(await refused(surveil)).toBe('403 SELF_DEALING');
  });
});
