/** The certificate's calendar: 3-year validity, a surveillance every 12 months, 6 months' suspension at most. */
import { addDays, addMonths, type IsoDate, minDate } from '../calendar';
import type { Certificate } from '../model';
import { SCHEME_CALENDAR } from '../scheme/calendar';

export const VALIDITY_YEARS = SCHEME_CALENDAR.validityYears;
export const SURVEILLANCE_INTERVAL_MONTHS = SCHEME_CALENDAR.surveillanceIntervalMonths;
export const MAX_POSTPONEMENT_MONTHS = SCHEME_CALENDAR.maxPostponementMonths;
export const MAX_SUSPENSION_MONTHS = SCHEME_CALENDAR.maxSuspensionMonths;

export function validUntilFor(validFrom: IsoDate): IsoDate {
  return addDays(addMonths(validFrom, VALIDITY_YEARS * 12), -1);
}

/**
 * The first surveillance anniversary after `after` within the cycle, or null when the cycle ends first (the
 * re-certification then takes the place of the last surveillance).
 */
export function nextAnniversary(validFrom: IsoDate, validUntil: IsoDate, after: IsoDate): IsoDate | null {
  for (let k = 1; ; k++) {
    const due = addMonths(validFrom, k * SURVEILLANCE_INTERVAL_MONTHS);
    if (due > validUntil) return null;
    if (due > after) return due;
  }
}

/**
 * The surveillance due after one held on `held`: 12 months on, counted from the audit itself (never from a
 * certificate year), or null when that falls after the cycle (the re-certification takes its place).
 */
export function nextSurveillanceAfter(held: IsoDate, validUntil: IsoDate): IsoDate | null {
  const due = addMonths(held, SURVEILLANCE_INTERVAL_MONTHS);
  return due > validUntil ? null : due;
}

/** The last day a surveillance may be held without the certificate being suspended. */
export function surveillanceDeadline(
  c: Pick<Certificate, 'nextSurveillanceDue' | 'surveillancePostponedUntil'>,
): IsoDate | null {
  return c.surveillancePostponedUntil ?? c.nextSurveillanceDue;
}

/**
 * The surveillance deadline a certificate restored on appeal is given when the one it had has passed by the day of
 * its restoration (it was suspended for being overdue, or the surveillance came due while it was suspended): as long
 * as a postponement gives (SCHEME_CALENDAR.maxPostponementMonths), counted from the restoration, never past its
 * validity. The appeal found the suspension wrong, not the surveillance held: it is still owed, and the sweep
 * suspends the certificate again once this deadline passes. Null when the deadline still lies ahead, or a
 * surveillance already held waits for the committee.
 */
export function deadlineOnRestoration(
  c: Pick<Certificate, 'nextSurveillanceDue' | 'surveillancePostponedUntil' | 'validUntil' | 'pendingSurveillance'>,
  today: IsoDate,
): IsoDate | null {
  const deadline = surveillanceDeadline(c);
  if (c.pendingSurveillance || !deadline || deadline > today) return null;
  const until = addMonths(today, MAX_POSTPONEMENT_MONTHS);
  return minDate(until, c.validUntil) ?? until;
}

/**
 * The deadline the sweep holds the certificate to: none while a surveillance held in time waits for the committee
 * (the audit was done; the decision is the certification body's own delay, not the holder's).
 */
function awaitedDeadline(c: Certificate): IsoDate | null {
  return c.pendingSurveillance ? null : surveillanceDeadline(c);
}

/** The renewal window of the current cycle: from the day the holder should apply to the last day it may renew. */
export function renewalWindow(c: Pick<Certificate, 'validUntil'>): { opensOn: IsoDate; closesOn: IsoDate } {
  return { opensOn: addDays(c.validUntil, -SCHEME_CALENDAR.renewalLeadDays), closesOn: c.validUntil };
}

export function suspensionEnds(suspendedOn: IsoDate): IsoDate {
  return addMonths(suspendedOn, MAX_SUSPENSION_MONTHS);
}

/**
 * The first day on which the daily sweep must act on this certificate, or null when it never will (a terminal
 * status). The due index is keyed on it, so the sweep reads exactly what is due.
 */
export function nextActionDate(c: Certificate): IsoDate | null {
  const expiry = addDays(c.validUntil, 1);
  if (c.status === 'valid') {
    const deadline = awaitedDeadline(c);
    return minDate(deadline ? addDays(deadline, 1) : null, expiry);
  }
  if (c.status === 'suspended' && c.suspendedOn) return minDate(addDays(suspensionEnds(c.suspendedOn), 1), expiry);
  return null;
}

export type SweepAction = 'expire' | 'suspendOverdue' | 'withdrawSuspensionExpired';

/** What the sweep must do today, if anything. Expiry wins: a certificate past its validity is simply over. */
export function sweepActionFor(c: Certificate, today: IsoDate): SweepAction | null {
  if (c.status !== 'valid' && c.status !== 'suspended') return null;
  if (today > c.validUntil) return 'expire';
  if (c.status === 'valid') {
    const deadline = awaitedDeadline(c);
    return deadline && today > deadline ? 'suspendOverdue' : null;
  }
  return c.suspendedOn && today > suspensionEnds(c.suspendedOn) ? 'withdrawSuspensionExpired' : null;
}
