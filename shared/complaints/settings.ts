/**
 * The complaint process's settings, stated once: what the intake enforces, what the verify page tells a reporter
 * (what is kept and for how long, PIPL's minimum data), and what the handling queue's deadlines are made from. The
 * appeal deadline is the scheme's (SCHEME_CALENDAR.appealDays), since it binds the certified organizations.
 */
export const COMPLAINT_SETTINGS = {
  /** A matter's record (without any contact) is kept this long after it is received, then deleted by the table. */
  retentionDays: 3 * 365,
  /** The reporter's contact is kept only until the reply is sent: it is removed when the matter closes. */
  contactKeptUntil: 'closed',
  /** Staff acknowledge a new matter within this many days. */
  acknowledgeDays: 5,
  /** … and decide it within this many days of its receipt. */
  decideDays: 60,
} as const;

/** How much a single client may file: enough for a person who saw several fakes, not for a flood. */
export const INTAKE_LIMITS = {
  /** Reports and complaints one client address may file in one hour. */
  perClientPerHour: 5,
  /** Free text of a report (what was seen). */
  maxDescriptionChars: 2000,
  /** A scanned token: a real star mark is far shorter; anything longer is not one worth keeping. */
  maxTokenChars: 4000,
  maxContactChars: 200,
  maxPlaceChars: 200,
  maxLinkChars: 500,
  maxCityChars: 60,
} as const;

/**
 * The proof of work a public filing carries instead of a captcha service: finding a nonce for a fresh challenge
 * costs a browser about a second of hashing, and a flood as many seconds as it has reports.
 */
export const PROOF_OF_WORK = {
  /** Leading zero bits the SHA-256 of `<domain>:<challenge>:<nonce>` must have: 2^16 hashes on average. */
  bits: 16,
  /** A challenge may be answered for this long after it was issued. */
  validSeconds: 10 * 60,
  /** Clocks disagree a little: a challenge dated this far in the future is still accepted. */
  skewSeconds: 30,
  domain: 'starmark-report-v1',
} as const;
