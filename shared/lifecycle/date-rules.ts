/**
 * Dates within the rules: an on-site review or an audit lies inside its case's own window and never after today
 * (in China), and a postponement is asked for before its deadline, once, by at most the scheme's months. Each refusal
 * names its rule and the field it concerns.
 */
import { addMonths, chinaDate, type IsoDate } from '../calendar';
import { DomainError, type ErrorCode } from '../errors';
import type { Application, Certificate } from '../model';
import { SCHEME_CALENDAR } from '../scheme/calendar';

function refuse(code: ErrorCode, path: string, message: string): never {
  throw new DomainError(code, message, [{ path, message, code }]);
}

function notAfterToday(date: IsoDate, today: IsoDate, path: string): void {
  if (date > today) refuse('DATE_AFTER_TODAY', path, `${date} is after today (${today}, China time)`);
}

/** The day a case was accepted: from acceptance on, its evaluator may review it on site. */
export function acceptedOn(application: Pick<Application, 'acceptedOn' | 'submittedAt'>): IsoDate {
  return application.acceptedOn ?? chinaDate(new Date(application.submittedAt));
}

/**
 * An on-site review is held between the case's acceptance and today; a new one, after the committee sent the case
 * back for it, not before that day (the review it replaces is not entered again).
 */
export function requireOnSiteReviewDate(
  application: Pick<Application, 'acceptedOn' | 'submittedAt' | 'reassessmentOn'>,
  reviewDate: IsoDate,
  today: IsoDate,
): void {
  const path = 'body.reviewDate';
  const from = acceptedOn(application);
  if (reviewDate < from) refuse('REVIEW_BEFORE_ACCEPTANCE', path, `${reviewDate} is before acceptance on ${from}`);
  const back = application.reassessmentOn;
  if (back && reviewDate < back) refuse('REVIEW_BEFORE_REASSESSMENT', path, `${reviewDate} is before ${back}`);
  notAfterToday(reviewDate, today, path);
}

/**
 * A surveillance audit is held inside the certificate's current cycle (from its start to its last valid day), not
 * before the surveillance last recorded, and not after today.
 */
export function requireAuditDate(
  certificate: Pick<Certificate, 'validFrom' | 'validUntil' | 'lastSurveillance'>,
  auditDate: IsoDate,
  today: IsoDate,
): void {
  const path = 'body.auditDate';
  const { validFrom, validUntil, lastSurveillance } = certificate;
  if (auditDate < validFrom || auditDate > validUntil) {
    refuse('AUDIT_OUTSIDE_CYCLE', path, `${auditDate} is outside the cycle ${validFrom} – ${validUntil}`);
  }
  if (lastSurveillance && auditDate < lastSurveillance) {
    refuse('AUDIT_BEFORE_LAST_SURVEILLANCE', path, `${auditDate} is before the last surveillance ${lastSurveillance}`);
  }
  notAfterToday(auditDate, today, path);
}

/**
 * A postponement is asked for on or before the surveillance's deadline, once per surveillance, to a day after the
 * deadline and at most the scheme's months later, never past the certificate's validity.
 */
type Postponable = Pick<Certificate, 'nextSurveillanceDue' | 'surveillancePostponedUntil' | 'validUntil'>;

/** The days a surveillance may be postponed to: after its deadline, by at most the scheme's months, while valid. */
export function postponementWindow(
  c: Pick<Certificate, 'nextSurveillanceDue' | 'validUntil'>,
): { due: IsoDate; latest: IsoDate } | null {
  const due = c.nextSurveillanceDue;
  if (!due) return null;
  const latest = addMonths(due, SCHEME_CALENDAR.maxPostponementMonths);
  return { due, latest: latest < c.validUntil ? latest : c.validUntil };
}

/** Why this certificate's surveillance cannot be postponed today, whatever the date asked for; null when it can. */
export function postponementRefusal(c: Postponable, today: IsoDate): ErrorCode | null {
  const window = postponementWindow(c);
  if (!window || window.latest <= window.due) return 'POSTPONEMENT_LIMIT';
  if (c.surveillancePostponedUntil) return 'POSTPONEMENT_ALREADY_USED';
  if (today > window.due) return 'POSTPONEMENT_AFTER_DEADLINE';
  return null;
}

export function requirePostponement(certificate: Postponable, until: IsoDate, today: IsoDate): void {
  const refusal = postponementRefusal(certificate, today);
  if (refusal) refuse(refusal, 'body.until', `${refusal} (deadline ${certificate.nextSurveillanceDue ?? 'none'})`);
  const { due, latest } = postponementWindow(certificate)!;
  if (until <= due) refuse('POSTPONEMENT_NOT_LATER', 'body.until', `${until} is not after the deadline ${due}`);
  if (until > latest) refuse('POSTPONEMENT_LIMIT', 'body.until', `${until} is after ${latest}`);
}
