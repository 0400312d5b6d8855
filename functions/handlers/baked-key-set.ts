/**
 * Lambda entry: the deploy step that writes /jwks.json, the key set shipped with the page, beside the pages in the
 * site bucket. A CloudFormation custom resource runs it after the pages are uploaded, at every deployment that
 * changes the pages or the keys, and a schedule runs it every few minutes, so a key revoked between deployments is
 * marked in the file too; it reads the public keys from KMS and the revocations from the table — public key
 * material only, through the same function that makes the file for `npm start` (bakedKeySetText).
 */
import { S3Client } from '@aws-sdk/client-s3';
import type { CloudFormationCustomResourceEvent, ScheduledEvent } from 'aws-lambda';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { BAKED_JWKS_FILE } from '../../shared/star-mark/baked-jwks';
import { S3ObjectStore } from '../adapters/s3/s3-object-store';
import { requireEnv } from '../env';
import { log } from '../http/log';
import { traced } from '../observability/powertools';
import { bakedKeySetText } from '../signing/verification';
import { awsDeps } from './aws-deps';

async function writeKeySet(): Promise<void> {
  const text = await bakedKeySetText(await awsDeps());
  const site = new S3ObjectStore(traced(new S3Client({})), requireEnv(DEPLOYMENT_ENV.siteBucket));
  // Revalidated on every load, like the pages: the page must see a deployment's new key at once.
  await site.put(BAKED_JWKS_FILE, text, { contentType: 'application/json; charset=utf-8', cacheControl: 'no-cache' });
}

/**
 * CloudFormation waits for the answer at the pre-signed URL it sent; a failure fails the deployment. A scheduled
 * run has nobody waiting: a failure fails the invocation, for the dead-letter queue and the error alarm.
 */
export async function handler(event: CloudFormationCustomResourceEvent | ScheduledEvent): Promise<void> {
  if (!('RequestType' in event)) {
    await writeKeySet();
    log.info('baked key set rewritten', { file: BAKED_JWKS_FILE, schedule: event.resources });
    return;
  }
  let failure: string | undefined;
  // Deleting the stack leaves the file to the bucket's own fate: there is nothing to undo.
  if (event.RequestType !== 'Delete') {
    try {
      await writeKeySet();
      log.info('baked key set written', { file: BAKED_JWKS_FILE });
    } catch (error) {
      failure = String((error as Error)?.message ?? error);
      log.error('baked key set not written', { error: failure });
    }
  }
  const answer = {
    Status: failure ? 'FAILED' : 'SUCCESS',
    Reason: failure ?? 'written',
    PhysicalResourceId: BAKED_JWKS_FILE,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
  const res = await fetch(event.ResponseURL, { method: 'PUT', body: JSON.stringify(answer) });
  if (!res.ok) throw new Error(`CloudFormation refused the answer: ${res.status}`);
}
