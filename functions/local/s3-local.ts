/**
 * A real S3-compatible server (s3rver) for the local system: the registry's objects go through the same S3 adapter
 * as in AWS. On disk under the data folder (whose lock the caller holds) for `npm start`; in a temporary folder,
 * removed at stop, for the tests.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { DOCUMENT_CORS } from '../../shared/store/document-objects';
import { S3DocumentObjects } from '../adapters/s3/s3-document-objects';
import { S3ObjectStore } from '../adapters/s3/s3-object-store';
import { LOCAL_AWS } from './dynamodb-local';
import { assertPortFree } from './ports';

/** The bucket of the registry's objects, locally (in AWS the stack names it). */
export const LOCAL_OBJECT_BUCKET = 'starmark-objects';
/** The cases' files, locally: a bucket of its own, as the private documents bucket is in AWS. */
export const LOCAL_DOCUMENT_BUCKET = 'starmark-documents';

export interface S3Local {
  endpoint: string;
  bucket: string;
  client: S3Client;
  objects: S3ObjectStore;
  documents: S3DocumentObjects;
  /** The pages' origins, once the gateway knows its address: the console PUTs and GETs the case files from there. */
  allowDocumentOrigins(origins: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}

export interface S3LocalOptions {
  port: number;
  bucket?: string;
  /** The folder that keeps the objects; omitted: a temporary one, deleted at stop. */
  dir?: string;
}

/** The credentials s3rver checks signatures with (its documented defaults): a local server, never an AWS key. */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: LOCAL_AWS.region,
    credentials: S3RVER_CREDENTIALS,
    forcePathStyle: true,
  });
}

export async function startS3Local(options: S3LocalOptions): Promise<S3Local> {
  await assertPortFree(options.port, 'the local S3 server');
  const temporary = options.dir ? undefined : mkdtempSync(join(tmpdir(), 'starmark-objects-'));
  const directory = options.dir ?? (temporary as string);
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port: options.port, directory, silent: true });
  await server.run();
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = localS3Client(endpoint);
  const bucket = options.bucket ?? LOCAL_OBJECT_BUCKET;
  for (const name of [bucket, LOCAL_DOCUMENT_BUCKET]) await ensureBucket(client, name);
  return {
    endpoint,
    bucket,
    client,
    objects: new S3ObjectStore(client, bucket),
    documents: new S3DocumentObjects(client, LOCAL_DOCUMENT_BUCKET),
    allowDocumentOrigins: (origins) => allowOrigins(client, LOCAL_DOCUMENT_BUCKET, origins),
    stop: async () => {
      client.destroy();
      await server.close();
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}

/** The documents bucket's CORS rule, as the stack sets it in AWS (DOCUMENT_CORS), through the S3 API. */
async function allowOrigins(client: S3Client, bucket: string, origins: readonly string[]): Promise<void> {
  await client.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: [...origins],
            AllowedMethods: [...DOCUMENT_CORS.allowedMethods],
            AllowedHeaders: [...DOCUMENT_CORS.allowedHeaders],
            MaxAgeSeconds: DOCUMENT_CORS.maxAgeSeconds,
          },
        ],
      },
    }),
  );
}

/** S3's answers to a CreateBucket for a bucket that is already there: this server's own, so nothing to do. */
const BUCKET_PRESENT = new Set(['BucketAlreadyExists', 'BucketAlreadyOwnedByYou']);

/**
 * A HeadBucket can fail on a loaded machine though the bucket exists (a slow answer, a reset connection);
 * the CreateBucket that follows then meets the bucket, which is success, not a failed start.
 */
export async function ensureBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    } catch (error) {
      if (!(error instanceof Error) || !BUCKET_PRESENT.has(error.name)) throw error;
    }
  }
}
