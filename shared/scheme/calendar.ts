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
} as const;
