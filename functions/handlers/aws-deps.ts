/**
 * Dependencies of a function running in AWS, built once per container from the environment: what every function
 * reads (the store, the key rings it is given). The star-mark issuer is added only by the functions that sign
 * (signing-deps.ts), so the public function neither holds nor bundles it.
 */
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { reportingDeadlineDaysOf } from '../../shared/national-report/batch';
import { S3DocumentObjects } from '../adapters/s3/s3-document-objects';
import { S3ObjectStore } from '../adapters/s3/s3-object-store';
import { SecretsManagerOriginSecrets } from '../edge/origin-secrets';
import type { OriginSecrets } from '../edge/origin-verify';
import { functionEnvironment, requireEnv } from '../env';
import { traced } from '../observability/powertools';
import type { Deps } from '../service/deps';
import { KEY_IDS_VARIABLE, KmsKeyRing, parseKeyIds } from '../signing/kms/kms-key-ring';
import { kmsPort } from '../signing/kms/kms-port';
import { documentClient } from '../store/dynamo-client';
import { DynamoRegistryStore } from '../store/dynamo-store';
import { withTransparencyLog } from '../transparency-log/logged-store';

let deps: Promise<Deps> | undefined;
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
    const kms = kmsPort(traced(new KMSClient({})));
    const signingKeys = new KmsKeyRing({ kms, keyIds: parseKeyIds(requireEnv(KEY_IDS_VARIABLE['star-mark'])), store });
    // Only the public function is given RECEIPT_KEY_IDS (and kms:Sign on those keys alone): the others issue no receipts.
    const receiptIds = process.env[KEY_IDS_VARIABLE.receipt];
    const receiptKeys = receiptIds
      ? new KmsKeyRing({ kms, purpose: 'receipt', keyIds: parseKeyIds(receiptIds, KEY_IDS_VARIABLE.receipt), store })
      : undefined;
    // Likewise STATUS_KEY_IDS: the public function signs the status snapshot it serves, the sweep the open-data manifest.
    const statusIds = process.env[KEY_IDS_VARIABLE.status];
    const statusKeys = statusIds
      ? new KmsKeyRing({ kms, purpose: 'status', keyIds: parseKeyIds(statusIds, KEY_IDS_VARIABLE.status), store })
      : undefined;
    // Only the functions that publish or keep files are given the bucket (and granted on it).
    const objectBucket = process.env[DEPLOYMENT_ENV.objectBucket];
    // The staff function is given the documents bucket for the cases' files and a report photo's download; the
    // public function for a report photo's upload and its check (each granted on its own prefixes alone).
    const documentBucket = process.env[DEPLOYMENT_ENV.documentBucket];
    return {
      store,
      ...(objectBucket ? { objects: new S3ObjectStore(traced(new S3Client({})), objectBucket) } : {}),
      ...(documentBucket ? { documents: new S3DocumentObjects(traced(new S3Client({})), documentBucket) } : {}),
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
