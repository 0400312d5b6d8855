/**
 * Dependencies of a function running in AWS, built once per container from the environment: what every function
 * reads (the store, the key rings it is given). The star-mark issuer is added only by the functions that sign
 * (signing-deps.ts), so the public function neither holds nor bundles it. The key rings and the buckets are
 * imported on their first call (aws-clients.ts): a request that needs no KMS and no S3 never loads either client.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { reportingDeadlineDaysOf } from '../../shared/national-report/batch';
import type { DocumentObjects } from '../../shared/store/document-objects';
import type { ObjectStore } from '../../shared/store/objects';
import { SecretsManagerOriginSecrets } from '../edge/origin-secrets';
import type { OriginSecrets } from '../edge/origin-verify';
import { functionEnvironment, requireEnv } from '../env';
import { importedOnFirstCall } from '../imported-on-first-call';
import { traced } from '../observability/powertools';
import type { Deps } from '../service/deps';
import { KEY_IDS_VARIABLE, parseKeyIds } from '../signing/kms/key-ids';
import type { SigningKeyRing } from '../signing/ports';
import { documentClient } from '../store/dynamo-client';
import { DynamoRegistryStore } from '../store/dynamo-store';
import { withTransparencyLog } from '../transparency-log/logged-store';

let deps: Promise<Deps> | undefined;
const clients = () => import('./aws-clients');

/** A KMS key ring whose code and client are imported on its first call. */
function kmsRing(purpose: SigningKeyRing['purpose'], keyIds: string[], store: Deps['store']): SigningKeyRing {
  const ring = importedOnFirstCall(
    () => clients().then((m) => m.kmsKeyRing({ purpose, keyIds, store })),
    ['records', 'signer', 'rotate', 'revoke'],
  );
  return { purpose, rotation: 'deployment', ...ring };
}

let secretsClient: SecretsManagerClient | undefined;
const secrets = () => {
  secretsClient ??= traced(new SecretsManagerClient({}));
  return secretsClient;
};

async function secretBytes(secretId: string): Promise<Uint8Array> {
  const out = await secrets().send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!out.SecretString) throw new Error(`secret ${secretId} has no value`);
  return new TextEncoder().encode(out.SecretString);
}

const objectStoreOn = (bucket: string): ObjectStore =>
  importedOnFirstCall(() => clients().then((m) => m.s3ObjectStore(bucket)), ['put', 'get', 'list', 'delete']);

// No expireUnconfirmed: the bucket's lifecycle rule expires what was never confirmed (document-objects.ts).
const documentObjectsOn = (bucket: string): DocumentObjects =>
  importedOnFirstCall(
    () => clients().then((m) => m.s3DocumentObjects(bucket)),
    ['presignUpload', 'presignDownload', 'read', 'put', 'delete'],
  );

export function awsDeps(): Promise<Deps> {
  deps ??= (async () => {
    const env = functionEnvironment();
    // The API functions page through lists for clients: their cursors are signed with the deployment's key.
    const cursorSecretArn = process.env[DEPLOYMENT_ENV.cursorSecretArn];
    const cursorKey = cursorSecretArn ? await secretBytes(cursorSecretArn) : undefined;
    const clock = () => new Date();
    // Every public change of a certificate commits with its transparency-log entry, in every function.
    const store = withTransparencyLog(
      new DynamoRegistryStore(traced(documentClient()), env.tableName, cursorKey ? { cursorKey } : {}),
      clock,
    );
    // Rotation in AWS is a deployment: a new KMS key goes first in SIGNING_KEY_IDS, older keys stay listed.
    const signingKeys = kmsRing('star-mark', parseKeyIds(requireEnv(KEY_IDS_VARIABLE['star-mark'])), store);
    // Only the public function is given RECEIPT_KEY_IDS (and kms:Sign on those keys alone): the others issue no receipts.
    const receiptIds = process.env[KEY_IDS_VARIABLE.receipt];
    const receiptKeys = receiptIds
      ? kmsRing('receipt', parseKeyIds(receiptIds, KEY_IDS_VARIABLE.receipt), store)
      : undefined;
    // Likewise STATUS_KEY_IDS: the public function signs the status snapshot it serves, the sweep the open-data manifest.
    const statusIds = process.env[KEY_IDS_VARIABLE.status];
    const statusKeys = statusIds
      ? kmsRing('status', parseKeyIds(statusIds, KEY_IDS_VARIABLE.status), store)
      : undefined;
    // Only the functions that publish or keep files are given the bucket (and granted on it).
    const objectBucket = process.env[DEPLOYMENT_ENV.objectBucket];
    // The staff function is given the documents bucket for the cases' files and a report photo's download; the
    // public function for a report photo's upload and its check (each granted on its own prefixes alone).
    const documentBucket = process.env[DEPLOYMENT_ENV.documentBucket];
    return {
      store,
      ...(objectBucket ? { objects: objectStoreOn(objectBucket) } : {}),
      ...(documentBucket ? { documents: documentObjectsOn(documentBucket) } : {}),
      clock,
      config: {
        certificatePrefix: env.certificatePrefix,
        publicBaseUrl: env.publicBaseUrl,
        certificationBody: env.certificationBody,
        reportingDeadlineDays: reportingDeadlineDaysOf(
          process.env[DEPLOYMENT_ENV.reportingDeadlineDays],
          DEPLOYMENT_ENV.reportingDeadlineDays,
        ),
      },
      signingKeys,
      ...(receiptKeys ? { receiptKeys } : {}),
      ...(statusKeys ? { statusKeys } : {}),
    };
  })();
  return deps;
}

/**
 * The origin-verify values CloudFront sends, read on the first request (a missing variable then fails every
 * request closed, with a 500 and a log line, rather than letting one through).
 */
export function originSecretsFromEnvironment(): OriginSecrets {
  let source: SecretsManagerOriginSecrets | undefined;
  return {
    accepted: (options) => {
      source ??= new SecretsManagerOriginSecrets(secrets(), requireEnv(DEPLOYMENT_ENV.originVerifySecretArn));
      return source.accepted(options);
    },
  };
}
