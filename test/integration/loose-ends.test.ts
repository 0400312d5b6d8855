/**
 * The loose ends an assessor pulls first: notes typed with a step are kept in its event, and a certificate that ends
 * takes its open renewal with it at once, with an event and a reason.
 */
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../functions/service/sweep';
import { sheetWithTotal } from '../../shared/scheme';
import { useTestSystem } from '../support/local-system';
import { newApplication } from '../support/organizations';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23' });

async function ok(call: Promise<{ status: number; body: any }>, status = 200) {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}
const eventsOf = async (kind: 'applications' | 'certificates', id: string) =>
  (await ok(sys.api.get(`/v1/staff/${kind}/${id}/events`, 'admin-qian'))).items as any[];

describe('notes', () => {
  it('keeps the notes typed on document review, resubmission, on-site review and surveillance in their events', async () => {
    const app = await ok(sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme'), 201);
    const base = `/v1/staff/applications/${app.id}`;
    await ok(sys.api.post(`${base}/accept`, { evaluatorSub: 'evaluator-li', contractNo: 'HT-N-1' }, 'admin-qian'));
    await ok(sys.api.post(`${base}/return-for-revision`, { reason: '缺少维修记录' }, 'evaluator-li'));
    await ok(sys.api.post(`${base}/resubmit`, { note: '已补充维修记录' }, 'applicant-acme'));
    await ok(sys.api.post(`${base}/pass-document-review`, { note: '文件齐全' }, 'evaluator-li'));
    await ok(
      sys.api.post(
        `${base}/record-on-site-review`,
        { reviewDate: '2026-11-23', scoreSheet: sheetWithTotal(91.5), note: '现场抽查 12 份工单' },
        'evaluator-li',
      ),
    );
    const notes = (await eventsOf('applications', app.id)).map((e) => [e.action, e.data?.note]);
    expect(notes).toEqual([
      ['submit', undefined],
      ['accept', undefined],
      ['return-for-revision', undefined],
      ['resubmit', '已补充维修记录'],
      ['pass-document-review', '文件齐全'],
      ['record-on-site-review', '现场抽查 12 份工单'],
    ]);
  });

  it('keeps the note of a surveillance in its event', async () => {
    const cert = await issuedCertificate(sys.api);
    await ok(
      sys.api.post(
        `/v1/staff/certificates/${cert.number}/record-surveillance`,
        { auditDate: '2026-11-23', scoreSheet: sheetWithTotal(92), note: '回访 30 位用户' },
        'evaluator-li',
      ),
    );
    expect((await eventsOf('certificates', cert.number)).at(-1)).toMatchObject({
      action: 'record-surveillance',
      data: { note: '回访 30 位用户' },
    });
  });
});

describe('a certificate that ends closes its open renewal at once', () => {
  async function certificateWithOpenRenewal() {
    sys.setNow('2026-11-23');
    const cert = await issuedCertificate(sys.api);
    const renewal = await ok(
      sys.api.post('/v1/staff/renewals', { certificateNumber: cert.number }, 'applicant-acme'),
      201,
    );
    await ok(
      sys.api.post(
        `/v1/staff/applications/${renewal.id}/accept`,
        { evaluatorSub: 'evaluator-wang', contractNo: `HT-R-${renewal.id}` },
        'admin-qian',
      ),
    );
    return { number: cert.number as string, renewalId: renewal.id as string };
  }

  async function expectClosed(number: string, renewalId: string, status: string, by: string) {
    const renewal = await ok(sys.api.get(`/v1/staff/applications/${renewalId}`, 'admin-qian'));
    expect(renewal.state).toBe('withdrawn');
    const closing = (await eventsOf('applications', renewalId)).at(-1);
    expect(closing).toMatchObject({ action: 'close-renewal', from: 'accepted', to: 'withdrawn', actor: { sub: by } });
    expect(closing.reason).toMatch(new RegExp(`certificate ${status}`));
    const cert = await ok(sys.api.get(`/v1/staff/certificates/${number}`, 'admin-qian'));
    expect(cert.status).toBe(status);
    expect(cert.openRenewalId).toBeUndefined();
    expect((await eventsOf('certificates', number)).at(-1).data).toMatchObject({ renewalClosed: renewalId });
    // Nothing more happens on the closed case.
    const next = await sys.api.post(`/v1/staff/applications/${renewalId}/pass-document-review`, {}, 'evaluator-wang');
    expect([next.status, next.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
  }

  it.each([
    ['withdraw', 'withdrawn'],
    ['cancel', 'cancelled'],
  ])('closes it when staff %s the certificate', async (action, status) => {
    const { number, renewalId } = await certificateWithOpenRenewal();
    await ok(sys.api.post(`/v1/staff/certificates/${number}/${action}`, { reason: '持证人申请' }, 'admin-qian'));
    await expectClosed(number, renewalId, status, 'admin-qian');
  });

  it('closes it when the sweep expires the certificate', async () => {
    const { number, renewalId } = await certificateWithOpenRenewal();
    const cert = await ok(sys.api.get(`/v1/staff/certificates/${number}`, 'admin-qian'));
    sys.setNow(new Date(Date.parse(`${cert.validUntil}T02:00:00Z`) + 86_400_000).toISOString());
    const report = await runSweep(sys.deps);
    expect(report.changed).toContainEqual({ number, action: 'expire' });
    await expectClosed(number, renewalId, 'expired', 'system:sweep');
  });
});
