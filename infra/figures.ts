/**
 * Every figure the deployment depends on, in one place (documented in infra/DEPLOY.md, "Figures"). The stack and
 * the tests read them from here; a context value may raise some of them (config.ts), never lower them below the
 * floor given here.
 */

/** 网络安全法 Art. 21: network logs are kept at least six months. */
export const LOG_RETENTION_MINIMUM_DAYS = 180;
/** The retention periods CloudWatch Logs accepts; a context value must be one of them (and ≥ the minimum). */
export const LOG_RETENTION_CHOICES = [180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
/** S3 logs (CloudFront standard logs, site-bucket access logs) expire after this many days. */
export const S3_LOG_EXPIRY_DAYS = 400;

/**
 * Reserved concurrency per function: the public function can flood only its own share, so staff and the sweep
 * always have theirs. Lambda keeps 100 of the account's limit unreserved; the sum here must fit under the
 * account's concurrency limit minus 100 (new accounts start at a limit of 10: ask for the default 1000 first).
 */
export const RESERVED_CONCURRENCY = {
  public: 200,
  staff: 20,
  sweep: 2,
  originSecretRotation: 1,
  /** One writer at a time is the lease's job; one is also all the schedule ever needs. */
  logIntegrator: 1,
  /** Runs once per deployment (a custom resource) and every five minutes; the file is derived, so one is enough. */
  bakedKeySet: 1,
  /** One run a minute; a second lets a slow run overlap the next one (every claim is conditional). */
  webhooks: 2,
} as const;

/**
 * API Gateway throttling, per route, per second, for all callers together (the WAF limits each client IP). Cached
 * reads mostly stop at CloudFront, so these bound what reaches the functions.
 */
export const DEFAULT_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;
/** Public routes that are never cached (bulk verification: up to 100 numbers a request) get a tighter limit. */
export const UNCACHED_PUBLIC_THROTTLE = { rateLimit: 20, burstLimit: 40 } as const;

/** Alarm thresholds. Every alarm goes to the one alarm topic. */
export const ALARMS = {
  /** Minutes per evaluation period of the function, API and table alarms. */
  periodMinutes: 5,
  /** Failed invocations of one function in a period. */
  functionErrors: 1,
  /** Throttled invocations of one function in a period (reserved concurrency exhausted). */
  functionThrottles: 1,
  /** Share of API requests answered 5xx in a period, percent. */
  api5xxPercent: 1,
  /** Share of API requests answered 429 (stage or route throttle) in a period, percent. */
  api429Percent: 5,
  /** Requests in a period below which the rate alarms stay quiet (a single 5xx out of 3 is no outage). */
  apiRateMinimumRequests: 20,
  /** Throttled requests or system errors of the table in a period. */
  tableThrottles: 1,
  tableSystemErrors: 1,
  /** Failed KMS calls (sign, public key) reported by the functions in a period. */
  kmsFailures: 1,
  /** The sweep runs daily at 07:00 China time; this many hours without a successful run raise the alarm. */
  sweepSilenceHours: 26,
  /** Runs of the sweep's log monitor in a day that found a problem in the published log (or could not run). */
  logMonitorFailures: 1,
  /** Any message in a dead-letter queue. */
  deadLetterMessages: 1,
} as const;

/** AWS Backup: a daily backup of the table at 02:00 China time (18:00 UTC), kept this long. */
export const BACKUP = {
  scheduleUtc: { hour: '18', minute: '0' },
  retentionDays: 35,
  /** The copy in the second region or account is kept longer: it is the one that survives losing the account. */
  copyRetentionDays: 365,
  /** With the vault lock on, no recovery point can be deleted before this (nor the lock lowered). */
  lockMinimumRetentionDays: 35,
} as const;

/** WAF rate-based rules, per client IP, per five minutes (the shortest window WAF counts over). */
export const WAF = {
  requestsPerIp: 2000,
  /** The staff API and sign-in are used by a few dozen people; a flood there is never a person. */
  staffRequestsPerIp: 600,
} as const;

/** How often the origin-verify secret between CloudFront and the API is replaced. */
export const ORIGIN_SECRET_ROTATION_DAYS = 30;
