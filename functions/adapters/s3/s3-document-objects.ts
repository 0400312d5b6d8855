/** The case-file port on S3: presigned PUTs with the size and SHA-256 signed in, presigned GETs, the bytes. */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  type DocumentObjects,
  PENDING_UPLOAD_PREFIX,
  type PresignedUpload,
  type UploadBinding,
} from '../../../shared/store/document-objects';

const base64OfHex = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

export class S3DocumentObjects implements DocumentObjects {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async presignUpload(key: string, binding: UploadBinding): Promise<PresignedUpload> {
    const headers = {
      'content-type': binding.contentType,
      'content-length': String(binding.size),
      'x-amz-checksum-sha256': base64OfHex(binding.sha256),
    };
    const url = await getSignedUrl(
      this.client,
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ContentType: binding.contentType,
        ContentLength: binding.size,
        ChecksumSHA256: headers['x-amz-checksum-sha256'],
      }),
      {
        expiresIn: binding.expiresInSeconds,
        // Signed as headers, not hoisted into the query: the client must send exactly these.
        signableHeaders: new Set(Object.keys(headers)),
        unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
      },
    );
    return { url, headers };
  }

  async presignDownload(
    key: string,
    options: { fileName: string; contentType: string; expiresInSeconds: number },
  ): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: options.contentType,
        ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(options.fileName)}`,
      }),
      { expiresIn: options.expiresInSeconds },
    );
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return out.Body ? await out.Body.transformToByteArray() : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async expireUnconfirmed(before: Date): Promise<string[]> {
    const expired: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: PENDING_UPLOAD_PREFIX, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? [])
        if (object.Key && object.LastModified && object.LastModified < before) {
          await this.delete(object.Key);
          expired.push(object.Key);
        }
      token = page.NextContinuationToken;
    } while (token);
    return expired;
  }
}
