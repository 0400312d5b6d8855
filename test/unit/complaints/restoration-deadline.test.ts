/**
 * The surveillance deadline of a certificate restored on appeal, as a pure rule: when the surveillance has become
 * overdue by the restoration, it is owed within a postponement's length from that day (never past validity), and
 * the restoration records it; otherwise the deadline it had stands.
 */
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../shared/calendar';
import { markAppealReversal } from '../../../shared/lifecycle/appeal-reversal';
import { applyCertificateTransition } from '../../../shared/lifecycle/certificate';
import { deadlineOnRestoration, sweepActionFor } from '../../../shared/lifecycle/certificate-dates';
import type { Certificate } from '../../../shared/model';
import { SCHEME_CALENDAR } from '../../../shared/scheme/calendar';
import { actor, certificateIn, withPendingSurveillance } from '../lifecycle/fixtures';

const RESTORED_ON = '2027-01-08';
const months = SCHEME_CALENDAR.maxPostponementMonths;

/** The fixture certificate, its surveillance due 2027-01-05, suspended by the sweep the day after. */
function suspendedOverdue(): Certificate {
  const base = certificateIn('valid');
  return {
    ...base,
    nextSurveillanceDue: '2027-01-05',
    status: 'suspended',
    suspendedOn: '2027-01-06',
    clearedOn: null,
    statusHistory: [
      ...base.statusHistory,
      { date: '2027-01-06', status: 'suspended', reasonCategory: 'surveillance_overdue', level: base.level },
    ],
  };
}

describe('the surveillance deadline on restoration', () => {
  it('is a postponement from the day of restoration when the surveillance has become overdue', () => {
    expect(deadlineOnRestoration(suspendedOverdue(), RESTORED_ON)).toBe(addMonths(RESTORED_ON, months));
    // Due on the very day of restoration is overdue from tomorrow: it gets the time too.
    expect(deadlineOnRestoration({ ...suspendedOverdue(), nextSurveillanceDue: RESTORED_ON }, RESTORED_ON)).toBe(
      addMonths(RESTORED_ON, months),
    );
  });

  it('never runs past the certificate’s validity', () => {
    const late = { ...suspendedOverdue(), validUntil: '2027-02-01' };
    expect(deadlineOnRestoration(late, RESTORED_ON)).toBe('2027-02-01');
  });

  it('is none when the deadline still lies ahead, or a surveillance held waits for the committee', () => {
    expect(deadlineOnRestoration({ ...suspendedOverdue(), nextSurveillanceDue: '2027-01-09' }, RESTORED_ON)).toBeNull();
    expect(deadlineOnRestoration(withPendingSurveillance(suspendedOverdue()), RESTORED_ON)).toBeNull();
  });

  it('is recorded by restoreOnAppeal, so that the sweep leaves the certificate valid until it has passed', () => {
    const appeal = { matterId: '01JTESTMATTER0000000000000', decision: 'suspension' as const, entry: 1 };
    const marked = markAppealReversal(suspendedOverdue(), appeal, RESTORED_ON)!.next;
    const restored = applyCertificateTransition(
      marked,
      { name: 'restoreOnAppeal', input: { reason: '逾期系因认证机构排期' } },
      actor('admin', 'admin-1'),
      new Date(`${RESTORED_ON}T02:00:00Z`),
    );
    const deadline = addMonths(RESTORED_ON, months);
    expect(restored.next).toMatchObject({ status: 'valid', surveillancePostponedUntil: deadline });
    expect(restored.event.data).toMatchObject({ surveillanceDeadline: deadline });
    expect(sweepActionFor(restored.next, '2027-01-09')).toBeNull();
    expect(sweepActionFor(restored.next, deadline)).toBeNull();
    expect(sweepActionFor(restored.next, addMonths('2027-01-09', months))).toBe('suspendOverdue');
  });
});
