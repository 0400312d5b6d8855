/**
 * Every environment variable the stack gives the functions, named once: the stack sets them by these keys
 * (`[DEPLOYMENT_ENV.tableName]: …`) and each function's composition root reads them by the same keys, once, through
 * `requireEnv` (which throws on a missing value) or as optional where only some functions are given one.
 */
import type { KeyPurpose } from './star-mark/jwks';

export const DEPLOYMENT_ENV = {
  /** The registry's one DynamoDB table. */
  tableName: 'TABLE_NAME',
  /** The certificate numbers' prefix (SM-…). */
  certificatePrefix: 'CERTIFICATE_PREFIX',
  /** The public site's origin: marks and receipts link to it. */
  publicBaseUrl: 'PUBLIC_BASE_URL',
  /** The certification body's identity, as JSON (parsed by shared/certification-body). */
  certificationBody: 'CERTIFICATION_BODY',
  /** One of LOG_LEVELS. */
  logLevel: 'LOG_LEVEL',
  /** The KMS keys of each signing purpose, newest first (the first signs, all are published). */
  signingKeyIds: 'SIGNING_KEY_IDS',
  receiptKeyIds: 'RECEIPT_KEY_IDS',
  statusKeyIds: 'STATUS_KEY_IDS',
  /** Secrets Manager secret whose value CloudFront sends as ORIGIN_VERIFY_HEADER; unset locally (no CloudFront). */
  originVerifySecretArn: 'ORIGIN_VERIFY_SECRET_ARN',
  /** Secrets Manager secret holding the HMAC key of the API's pagination cursors (the public and staff functions). */
  cursorSecretArn: 'CURSOR_SECRET_ARN',
  /** The token claim that lists a caller's roles: `cognito:groups` (Cognito) or the OIDC issuer's, e.g. `groups`. */
  rolesClaim: 'ROLES_CLAIM',
  /** The rotation function: which distribution and origin carry the origin-verify header. */
  distributionId: 'DISTRIBUTION_ID',
  apiOriginDomain: 'API_ORIGIN_DOMAIN',
  /** Powertools for AWS Lambda: the service name in logs, metrics and traces, and the metrics namespace. */
  serviceName: 'POWERTOOLS_SERVICE_NAME',
  metricsNamespace: 'POWERTOOLS_METRICS_NAMESPACE',
  /** The bucket of the registry's objects; given to (and granted on) only the functions that write or read them. */
  objectBucket: 'OBJECT_BUCKET',
  /** The private bucket of the cases' documents: given to (and granted on) the staff function alone. */
  documentBucket: 'DOCUMENT_BUCKET',
  /** The transparency log's Ed25519 KMS key (ECC_NIST_EDWARDS25519): given to the integrator, which signs checkpoints. */
  logKeyId: 'LOG_KEY_ID',
  /** The Cognito user pool whose groups are the roles: the staff function lists its members (the staff directory). */
  userPoolId: 'USER_POOL_ID',
  /** The bucket of the built pages: given to the deploy step that writes /jwks.json beside them, and no other. */
  siteBucket: 'SITE_BUCKET',
  /** The From address of watchlist e-mails (an SES identity): given to the webhook worker alone, when configured. */
  notifyEmailFrom: 'NOTIFY_EMAIL_FROM',
  /** Days after a certificate's event by which it is reported to the national platform (the staff function). */
  reportingDeadlineDays: 'REPORTING_DEADLINE_DAYS',
} as const;

/** The variable that names each signing purpose's KMS keys, newest (the signer) first. */
export const KEY_IDS_VARIABLE: Record<KeyPurpose, string> = {
  'star-mark': DEPLOYMENT_ENV.signingKeyIds,
  receipt: DEPLOYMENT_ENV.receiptKeyIds,
  status: DEPLOYMENT_ENV.statusKeyIds,
};

/** The header CloudFront adds to every request it sends to the API; the functions refuse a request without it. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/** The roles claim of a Cognito ID token, and so the default. */
export const COGNITO_ROLES_CLAIM = 'cognito:groups';

/** The metrics namespace of every custom metric the functions emit (EMF). */
export const METRICS_NAMESPACE = 'starmark';
/** The metric a function emits when a KMS call fails (sign, public key): the KMS-failure alarm watches it. */
export const KMS_FAILURE_METRIC = 'KmsFailures';
/** The metric the sweep emits when a run completes: the sweep-silence alarm watches it. */
export const SWEEP_COMPLETED_METRIC = 'SweepCompleted';

/** The functions' log levels, least severe first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The configured log level; an unset or unknown value means `info`. */
export function logLevelOf(value: string | undefined): LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value ?? '') ? (value as LogLevel) : 'info';
}

/** The metric the sweep emits after running the log monitor: 1 when it found a problem (or could not run), else 0. */
export const LOG_MONITOR_FAILED_METRIC = 'LogMonitorFailed';
