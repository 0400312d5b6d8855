/**
 * The port of a case's files: a private bucket that clients reach only through short-lived presigned URLs the staff
 * API issues after its access check. In AWS a private, versioned, KMS-encrypted S3 bucket; locally a bucket of the
 * local S3 server, through the same adapter.
 */

export interface UploadBinding {
  contentType: string;
  /** Bound into the signature as Content-Length: a longer or shorter body is refused by the store. */
  size: number;
  /** Lower-case hex; bound into the signature as x-amz-checksum-sha256 (base64), which S3 checks on the bytes. */
  sha256: string;
  expiresInSeconds: number;
}

export interface PresignedUpload {
  url: string;
  /** The headers the PUT must carry exactly as given: they are signed. */
  headers: Record<string, string>;
}

export interface DocumentObjects {
  presignUpload(key: string, binding: UploadBinding): Promise<PresignedUpload>;
  presignDownload(
    key: string,
    options: { fileName: string; contentType: string; expiresInSeconds: number },
  ): Promise<string>;
  /** Undefined when nothing was uploaded there. */
  read(key: string): Promise<Uint8Array | undefined>;
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Deletes what waits under pending/ since before `before` (never confirmed) and answers the keys. Only a store
   * without lifecycle rules needs it (the local S3 server); in AWS the bucket's rule does this, and the functions
   * may not list the bucket.
   */
  expireUnconfirmed?(before: Date): Promise<string[]>;
}

/** Where uploads wait for their confirmation: the bucket expires what is left here (never confirmed). */
export const PENDING_UPLOAD_PREFIX = 'pending/';
/** Where confirmed documents are kept, one object per document version: never overwritten. */
export const CASE_DOCUMENT_PREFIX = 'cases/';

/**
 * What a browser on the console's origins may do with the presigned URLs (the bucket's CORS rule, in AWS and on the
 * local S3 server alike): PUT the bytes with the signed headers a script may set, GET them back for a preview.
 */
export const DOCUMENT_CORS = {
  allowedMethods: ['PUT', 'GET'],
  allowedHeaders: ['content-type', 'x-amz-checksum-sha256'],
  maxAgeSeconds: 600,
} as const;
