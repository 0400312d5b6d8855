/**
 * The daily sweep on the calendar's edges, with the system clock moved day by day: the due date itself is never
 * overdue, the day after is; a postponement moves the deadline by at most three months; a suspension lasts six
 * months; validity ends at the end of validUntil.
 */
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../functions/service/sweep';
import { sheetWithTotal } from '../../shared/scheme';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-01-05' });

async function certificateIssuedOn(day: string) {
  sys.setNow(day);
  return issuedCertificate(sys.api, 92);
}

async function sweepOn(date: string) {
  sys.setNow(date);
  return runSweep(sys.deps);
}

const statusOf = async (number: string) => (await sys.api.get(`/v1/staff/certificates/${number}`, 'admin-qian')).body;

describe('surveillance overdue', () => {
  it('leaves a certificate valid on its surveillance due date and suspends it the day after, as the system', async () => {
    const cert = await certificateIssuedOn('2026-01-05');
    expect(cert.nextSurveillanceDue).toBe('2027-01-05');

    expect((await sweepOn('2027-01-05')).changed.map((c) => c.number)).not.toContain(cert.number);
    expect((await statusOf(cert.number)).status).toBe('valid');

    const report = await sweepOn('2027-01-06');
    expect(report.changed).toContainEqual({ number: cert.number, action: 'suspendOverdue' });
    const after = await statusOf(cert.number);
    expect(after).toMatchObject({ status: 'suspended', suspendedOn: '2027-01-06' });
    expect(after.statusHistory.at(-1)).toEqual({
      date: '2027-01-06',
      status: 'suspended',
      reasonCategory: 'surveillance_overdue',
      level: 'four',
    });

    const events = (await sys.api.get(`/v1/staff/certificates/${cert.number}/events`, 'admin-qian')).body.items;
    expect(events.at(-1)).toMatchObject({
      action: 'sweep-suspendOverdue',
      from: 'valid',
      to: 'suspended',
      reason: 'surveillance overdue',
      actor: { sub: 'system:sweep' },
    });
    expect(events.at(-1).prevHash).toBe(events.at(-2).hash);

    const published = (await sys.api.get(`/v1/certificates/${cert.number}`)).body;
    expect(published.status).toBe('suspended');
    expect(published.statusHistory.at(-1).reasonCategory).toBe('surveillance_overdue');
  });

  it('moves the deadline to a postponement of at most three months, and suspends the day after it', async () => {
    const cert = await certificateIssuedOn('2026-01-05');
    sys.setNow('2026-12-01');
    const tooFar = await sys.api.post(
      `/v1/staff/certificates/${cert.number}/postpone-surveillance`,
      { until: '2027-04-06', reason: '工厂搬迁' },
      'admin-qian',
    );
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.code).toBe('POSTPONEMENT_LIMIT');
    const postponed = await sys.api.post(
      `/v1/staff/certificates/${cert.number}/postpone-surveillance`,
      { until: '2027-04-05', reason: '工厂搬迁' },
      'admin-qian',
    );
    expect(postponed.status).toBe(200);

    expect((await sweepOn('2027-01-06')).changed.map((c) => c.number)).not.toContain(cert.number);
    expect((await sweepOn('2027-04-05')).changed.map((c) => c.number)).not.toContain(cert.number);
    expect((await statusOf(cert.number)).status).toBe('valid');
    expect((await sweepOn('2027-04-06')).changed).toContainEqual({ number: cert.number, action: 'suspendOverdue' });
    expect(await statusOf(cert.number)).toMatchObject({ status: 'suspended', suspendedOn: '2027-04-06' });
  });
});

describe('suspension longer than six months', () => {
  it('keeps a certificate suspended through the sixth month and withdraws it the day after', async () => {
    const cert = await certificateIssuedOn('2026-01-05');
    await sweepOn('2027-01-06');
    expect((await statusOf(cert.number)).suspendedOn).toBe('2027-01-06');

    expect((await sweepOn('2027-07-06')).changed.map((c) => c.number)).not.toContain(cert.number);
    expect((await statusOf(cert.number)).status).toBe('suspended');
    expect((await sweepOn('2027-07-07')).changed).toContainEqual({
      number: cert.number,
      action: 'withdrawSuspensionExpired',
    });
    const withdrawn = await statusOf(cert.number);
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.statusHistory.at(-1)).toMatchObject({
      date: '2027-07-07',
      status: 'withdrawn',
      reasonCategory: 'suspension_expired',
    });
    expect((await sys.api.get(`/v1/certificates/${cert.number}`)).body.status).toBe('withdrawn');
  });

  it('never withdraws a certificate reinstated after a passing surveillance', async () => {
    const cert = await certificateIssuedOn('2026-01-05');
    await sweepOn('2027-01-06');
    sys.setNow('2027-02-10');
    const audit = await sys.api.post(
      `/v1/staff/certificates/${cert.number}/record-surveillance`,
      { auditDate: '2027-02-09', scoreSheet: sheetWithTotal(91) },
      'evaluator-li',
    );
    expect(audit.body).toMatchObject({ status: 'suspended', clearedOn: '2027-02-09' });
    const reinstated = await sys.api.post(
      `/v1/staff/certificates/${cert.number}/reinstate`,
      { reason: '监督审核通过' },
      'admin-qian',
    );
    expect(reinstated.body.status).toBe('valid');

    expect((await sweepOn('2027-07-07')).changed.map((c) => c.number)).not.toContain(cert.number);
    expect((await statusOf(cert.number)).status).toBe('valid');
  });
});

describe('end of validity', () => {
  it('keeps a certificate valid on its last day and expires it the day after', async () => {
    const cert = await certificateIssuedOn('2026-01-05');
    expect(cert.validUntil).toBe('2029-01-04');
    // At most 12 months between surveillances: the third falls within the cycle's last 12 months, then none is due.
    for (const auditDate of ['2026-12-20', '2027-12-20', '2028-12-20']) {
      sys.setNow(auditDate);
      const res = await sys.api.post(
        `/v1/staff/certificates/${cert.number}/record-surveillance`,
        { auditDate, scoreSheet: sheetWithTotal(92) },
        'evaluator-li',
      );
      expect(res.status).toBe(200);
    }
    expect((await statusOf(cert.number)).nextSurveillanceDue).toBeNull();

    expect((await sweepOn('2029-01-04')).changed.map((c) => c.number)).not.toContain(cert.number);
    expect((await statusOf(cert.number)).status).toBe('valid');
    expect((await sweepOn('2029-01-05')).changed).toContainEqual({ number: cert.number, action: 'expire' });
    const expired = await statusOf(cert.number);
    expect(expired.statusHistory.at(-1)).toMatchObject({
      date: '2029-01-05',
      status: 'expired',
      reasonCategory: 'not_renewed',
    });
    expect((await sys.api.get(`/v1/certificates/${cert.number}`)).body.status).toBe('expired');
  });

  it('expires a suspended certificate whose validity ends before its suspension does', async () => {
    const cert = await certificateIssuedOn('2026-01-05');
    sys.setNow('2028-10-01');
    for (const auditDate of ['2026-12-20', '2027-12-20']) {
      await sys.api.post(
        `/v1/staff/certificates/${cert.number}/record-surveillance`,
        { auditDate, scoreSheet: sheetWithTotal(92) },
        'evaluator-li',
      );
    }
    await sys.api.post(`/v1/staff/certificates/${cert.number}/suspend`, { reason: '重大投诉待查' }, 'admin-qian');
    expect((await sweepOn('2029-01-05')).changed).toContainEqual({ number: cert.number, action: 'expire' });
    expect((await statusOf(cert.number)).status).toBe('expired');
  });
});
