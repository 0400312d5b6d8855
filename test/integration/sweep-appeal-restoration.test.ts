/**
 * A suspension for an overdue surveillance, reversed on appeal, with the daily sweep run day by day on DynamoDB
 * Local: the restoration gives the surveillance still owed a new deadline, a postponement's length from the day of
 * the restoration, recorded in the same transition; the sweeps that follow leave the certificate valid until that
 * deadline has passed, and then suspend it again, as for any surveillance overdue.
 */
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../functions/service/sweep';
import { addMonths } from '../../shared/calendar';
import { SCHEME_CALENDAR } from '../../shared/scheme/calendar';
import { decideAppeal } from '../support/decided-appeal';
import { useTestSystem } from '../support/local-system';
import { CERTIFICATE_APPEAL, ok } from '../support/valid-requests';
import { DEFAULT_ACTORS, issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-01-05' });
const UNINVOLVED = 'committee-sun';
const CERTIFICATES = '/v1/staff/certificates';

async function sweepOn(date: string) {
  sys.setNow(date);
  return (await runSweep(sys.deps)).changed;
}

const certificate = async (number: string) =>
  (await sys.api.get(`${CERTIFICATES}/${number}`, DEFAULT_ACTORS.admin)).body;

/** The holder's appeal against the suspension, decided reversed by a member who took no part in it. */
async function reversedOnAppeal(number: string) {
  const filed = await ok(
    sys.api.post(`${CERTIFICATES}/${number}/appeals`, CERTIFICATE_APPEAL, DEFAULT_ACTORS.applicant),
  );
  await decideAppeal(sys.api, filed.id, 'reversed', UNINVOLVED);
  return filed.id as string;
}

describe('a suspension for an overdue surveillance, reversed on appeal', () => {
  it('is restored with a new surveillance deadline, which the sweep then holds it to', async () => {
    sys.setNow('2026-01-05');
    const { number } = await issuedCertificate(sys.api, 92);
    expect(await sweepOn('2027-01-06')).toContainEqual({ number, action: 'suspendOverdue' });
    expect((await certificate(number)).statusHistory.at(-1)).toMatchObject({
      status: 'suspended',
      reasonCategory: 'surveillance_overdue',
    });

    sys.setNow('2027-01-08');
    const matter = await reversedOnAppeal(number);
    const restored = await ok(
      sys.api.post(
        `${CERTIFICATES}/${number}/restore-on-appeal`,
        { reason: '逾期系因认证机构排期' },
        DEFAULT_ACTORS.admin,
      ),
    );
    const deadline = addMonths('2027-01-08', SCHEME_CALENDAR.maxPostponementMonths);
    expect(restored).toMatchObject({ status: 'valid', surveillancePostponedUntil: deadline });
    const events = (await sys.api.get(`${CERTIFICATES}/${number}/events`, DEFAULT_ACTORS.admin)).body.items;
    expect(events.at(-1)).toMatchObject({
      action: 'restore-on-appeal',
      data: { matterId: matter, decision: 'suspension', surveillanceDeadline: deadline },
    });
    // The new deadline is the postponement: another is not granted on top of it.
    const postpone = await sys.api.post(
      `${CERTIFICATES}/${number}/postpone-surveillance`,
      { until: addMonths(deadline, 1), reason: '再次推迟' },
      DEFAULT_ACTORS.admin,
    );
    expect(postpone.body.code).toBe('POSTPONEMENT_ALREADY_USED');

    // The next sweeps leave it valid, up to and including the new deadline; the day after, it is overdue again.
    expect(await sweepOn('2027-01-09')).not.toContainEqual(expect.objectContaining({ number }));
    expect(await sweepOn(deadline)).not.toContainEqual(expect.objectContaining({ number }));
    expect((await certificate(number)).status).toBe('valid');
    const dayAfter = addMonths('2027-01-09', SCHEME_CALENDAR.maxPostponementMonths);
    expect(await sweepOn(dayAfter)).toContainEqual({ number, action: 'suspendOverdue' });
    expect((await certificate(number)).statusHistory.at(-1)).toMatchObject({
      date: dayAfter,
      status: 'suspended',
      reasonCategory: 'surveillance_overdue',
    });
  });

  it('keeps the deadline it had when the surveillance is not overdue by the restoration', async () => {
    sys.setNow('2026-01-05');
    const { number } = await issuedCertificate(sys.api, 92);
    sys.setNow('2026-03-02');
    await ok(sys.api.post(`${CERTIFICATES}/${number}/suspend`, { reason: '投诉核实' }, 'admin-zhou'));
    await reversedOnAppeal(number);
    const restored = await ok(
      sys.api.post(`${CERTIFICATES}/${number}/restore-on-appeal`, { reason: '投诉不实' }, DEFAULT_ACTORS.admin),
    );
    expect(restored).toMatchObject({
      status: 'valid',
      nextSurveillanceDue: '2027-01-05',
      surveillancePostponedUntil: null,
    });
    expect(await sweepOn('2026-03-03')).not.toContainEqual(expect.objectContaining({ number }));
  });
});
