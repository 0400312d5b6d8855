/**
 * The object-store port: files the registry publishes or keeps beside its table (log tiles, open-data exports,
 * status snapshots, generated documents). In AWS it is an S3 bucket; locally a real S3-compatible server that
 * `npm start` and the tests run, reached through the same adapter.
 */

export interface StoredObject {
  body: Uint8Array;
  contentType: string;
  cacheControl?: string;
  etag?: string;
}

export interface PutObjectOptions {
  contentType: string;
  /** What the edge and browsers may cache: immutable files say so, files that change say how long. */
  cacheControl?: string;
}

export interface ObjectStore {
  put(key: string, body: Uint8Array | string, options: PutObjectOptions): Promise<void>;
  /** Undefined when there is no such object. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Every key that starts with the prefix, in key order. */
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
}

/**
 * Key prefixes whose objects anyone may read, at the same path on the site (`/log/checkpoint` is the object
 * `log/checkpoint`): the edge routes them to the bucket, the local gateway to the local server. Everything else in
 * the bucket is private.
 */
export const PUBLIC_OBJECT_PREFIXES = [
  /** The transparency log: C2SP tlog-tiles and the checkpoint. */
  'log/',
  /** The signed status snapshot the verify page keeps for offline verdicts. */
  'status/',
  /** The daily export of the public register and its signed manifest. */
  'open-data/',
  /** Receipts issued, each at `receipts/<id>` (its JWS): what a receipt's short permalink fetches. */
  'receipts/',
] as const;

export function isPublicObjectKey(key: string): boolean {
  return PUBLIC_OBJECT_PREFIXES.some((prefix) => key.startsWith(prefix)) && !key.split('/').includes('..');
}
