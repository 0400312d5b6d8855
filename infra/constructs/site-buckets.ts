/**
 * The private buckets behind the distribution: the built web pages; the registry's objects (log tiles, status
 * snapshots, open data, generated documents), of which only the public prefixes are routed to the edge; and the
 * logs (S3 server access logs of both and CloudFront standard logs). None is ever public: CloudFront reads through
 * origin access control.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { S3_LOG_EXPIRY_DAYS } from '../figures';

export class SiteBuckets extends Construct {
  readonly site: Bucket;
  readonly logs: Bucket;
  readonly objects: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging cannot write to SSE-KMS buckets, and delivers with ACLs (hence the ownership).
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      // Kept past the six months 网络安全法 Art. 21 asks for network logs.
      lifecycleRules: [{ expiration: Duration.days(S3_LOG_EXPIRY_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the log bucket: it receives the site bucket access logs and CloudFront logs. Logging it to ' +
        'yet another bucket would only move the finding there.',
    });

    this.site = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 's3/site/',
      // Deleting the stack must not take the pages down with it by surprise; empty and delete by hand.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.objects = new Bucket(this, 'Objects', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // A published file that is overwritten or deleted by mistake (or by an intruder) can be brought back.
      versioned: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 's3/objects/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
