import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../functions/local/ports';
import { ensureBucket, type S3Local, startS3Local } from '../../../functions/local/s3-local';

let s3: S3Local;

beforeAll(async () => {
  s3 = await startS3Local({ port: await freePort() });
});
afterAll(async () => s3.stop());

describe('making sure a bucket of the local S3 server exists', () => {
  it('takes a bucket that another start created at the same moment as made, not as a failed start', async () => {
    for (let round = 0; round < 5; round += 1) {
      const bucket = `race-${round}`;
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => ensureBucket(s3.client, bucket)));
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      await expect(s3.client.send(new HeadBucketCommand({ Bucket: bucket }))).resolves.toBeDefined();
    }
  });

  it('still fails on a bucket name S3 refuses', async () => {
    await expect(ensureBucket(s3.client, 'Not_A_Bucket')).rejects.toThrow();
  });
});
