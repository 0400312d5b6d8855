/**
 * The scheme's calendar, as data: how long a certificate lasts, how often it is audited, how far and how often a
 * surveillance may be postponed, how long a suspension may last, how long a service system must have run. The
 * lifecycle reads these numbers; it writes none of its own.
 */
export const SCHEME_CALENDAR = {
  /** A certificate is valid for 3 years, to the day before the third anniversary of its cycle's start. */
  validityYears: 3,
  /** Between issue and the first surveillance, and between consecutive surveillances: at most 12 months. */
  surveillanceIntervalMonths: 12,
  /** A surveillance may be postponed, before its deadline, by at most 3 months … */
  maxPostponementMonths: 3,
  /** … and only once per surveillance. */
  postponementsPerSurveillance: 1,
  /** A suspension lasts at most 6 months; then the certificate is withdrawn. */
  maxSuspensionMonths: 6,
  /**
   * A renewal is applied for in the last 180 days of the cycle (the holder is reminded then), so that its full review
   * can end before the certificate does: it must be complete by the last day of validity.
   */
  renewalLeadDays: 180,
  /** The service system must have run for 3 months before the application. */
  minOperatingMonths: 3,
  /** An applicant may appeal a decision on its case (rejection, level, suspension, withdrawal) within 30 days. */
  appealDays: 30,
  /**
   * The certification body's own service times for a case, in calendar days from the day it entered its state: the
   * answer the body (or, asked to revise, the applicant) owes next. The staff queues sort by the date they give
   * (shared/lifecycle/case-due.ts); nothing is refused when one passes, the case is shown overdue.
   */
  caseDays: {
    /** The application review (申请评审): accept the case, with its evaluator and contract, or not. */
    applicationReview: 5,
    /** The document review of an accepted case: passed, or returned for revision. */
    documentReview: 15,
    /** The applicant's revision of its documents after a return for revision. */
    revision: 30,
    /** The on-site evaluation, scored, after the documents passed. */
    onSiteReview: 30,
    /** The committee's decision on a scored case. */
    decision: 15,
    /** The certificate issued after its approval. */
    issue: 5,
  },
} as const;
