/**
 * The adapters on the AWS SDK clients that only some requests need (S3, KMS), made when aws-deps.ts first calls
 * them: this module is imported on that first call, so a cold start reads neither client.
 */
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { S3DocumentObjects } from '../adapters/s3/s3-document-objects';
import { S3ObjectStore } from '../adapters/s3/s3-object-store';
import { traced } from '../observability/powertools';
import { KmsKeyRing, type KmsKeyRingOptions } from '../signing/kms/kms-key-ring';
import { type KmsPort, kmsPort } from '../signing/kms/kms-port';

let kms: KmsPort | undefined;

/** A ring on the container's one KMS client. */
export function kmsKeyRing(options: Omit<KmsKeyRingOptions, 'kms'>): KmsKeyRing {
  kms ??= kmsPort(traced(new KMSClient({})));
  return new KmsKeyRing({ kms, ...options });
}

export const s3ObjectStore = (bucket: string) => new S3ObjectStore(traced(new S3Client({})), bucket);

export const s3DocumentObjects = (bucket: string) => new S3DocumentObjects(traced(new S3Client({})), bucket);
