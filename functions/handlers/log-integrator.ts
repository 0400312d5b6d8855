/**
 * Lambda entry: the transparency log's integrator, run every minute by the schedule (so a new checkpoint follows any
 * growth within about a minute). The lease makes overlapping runs harmless; a failed run fails the invocation, so
 * the function's error alarm sees a log that stopped moving.
 */
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { S3ObjectStore } from '../adapters/s3/s3-object-store';
import { functionEnvironment, requireEnv } from '../env';
import { log } from '../http/log';
import { instrumented, traced } from '../observability/powertools';
import { kmsPort } from '../signing/kms/kms-port';
import { documentClient } from '../store/dynamo-client';
import { DynamoRegistryStore } from '../store/dynamo-store';
import { integrateLog } from '../transparency-log/integrator';
import { kmsLogKey } from '../transparency-log/kms-log-key';
import { logOriginFor } from '../transparency-log/log-key';
import { logObjectsOn } from '../transparency-log/objects';

let ready: Promise<Parameters<typeof integrateLog>[0]> | undefined;

function integratorDeps() {
  ready ??= (async () => {
    const env = functionEnvironment();
    const key = await kmsLogKey(
      kmsPort(traced(new KMSClient({}))),
      requireEnv(DEPLOYMENT_ENV.logKeyId),
      logOriginFor(env.publicBaseUrl),
    );
    return {
      store: new DynamoRegistryStore(traced(documentClient()), env.tableName),
      objects: logObjectsOn(new S3ObjectStore(traced(new S3Client({})), requireEnv(DEPLOYMENT_ENV.objectBucket))),
      ...key,
      clock: () => new Date(),
    };
  })();
  return ready;
}

export const handler = instrumented(async () => {
  const result = await integrateLog(await integratorDeps());
  log.info('log integration', result);
  return result;
});
