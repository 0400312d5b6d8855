/**
 * Names the deployment adds to the functions' environment and requests (issue 19: the edge, identity, tracing).
 * One list, read by the stack that sets them and by the functions that read them; to be folded into the runtime
 * environment's single definition.
 */
import type { KeyPurpose } from './star-mark/jwks';

export const DEPLOYMENT_ENV = {
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
  /** The transparency log's Ed25519 KMS key (ECC_NIST_EDWARDS25519): given to the integrator, which signs checkpoints. */
  logKeyId: 'LOG_KEY_ID',
  /** The bucket of the built pages: given to the deploy step that writes /jwks.json beside them, and no other. */
  siteBucket: 'SITE_BUCKET',
} as const;

/** The variable that names each signing purpose's KMS keys, newest (the signer) first. */
export const KEY_IDS_VARIABLE: Record<KeyPurpose, string> = {
  'star-mark': 'SIGNING_KEY_IDS',
  receipt: 'RECEIPT_KEY_IDS',
  status: 'STATUS_KEY_IDS',
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
/** The metric the sweep emits after running the log monitor: 1 when it found a problem (or could not run), else 0. */
export const LOG_MONITOR_FAILED_METRIC = 'LogMonitorFailed';
