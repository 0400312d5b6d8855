/**
 * The cases' documents and the photos of counterfeit reports: a private, versioned bucket of its own, encrypted with
 * its own KMS key. Clients reach it only through presigned URLs the functions issue after their checks (the staff
 * function for case files and a photo's download, the public function for a photo's upload); uploads wait under
 * pending/ for their confirmation, and what is never confirmed expires there.
 */
import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DOCUMENT_LIMITS } from '../../shared/case-documents/limits';
import { PENDING_PHOTO_PREFIX, REPORT_PHOTO_PREFIX } from '../../shared/complaints/photo';
import { COMPLAINT_SETTINGS } from '../../shared/complaints/settings';
import { CASE_DOCUMENT_PREFIX, DOCUMENT_CORS, PENDING_UPLOAD_PREFIX } from '../../shared/store/document-objects';
import { administeredKey, allowUse, type KeyAdministrators } from './key-policy';

/**
 * The bucket's name, from the stack's name, account and region alone: the pages' policy must name the bucket's
 * origin (the console PUTs and GETs there), and a generated name would tie the CDN's headers to the bucket whose CORS
 * names the CDN, a cycle. Lower case, at most 63 characters (20 + 10 + 12 + 1 + up to 14 for the region).
 */
export function documentsBucketName(stack: Stack): string {
  const prefix = stack.stackName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 20)
    .replace(/^-+|-+$/g, '');
  return `${prefix || 'starmark'}-documents-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

/** Where the presigned URLs point (virtual-hosted style, the regional endpoint): the pages' connect-src names it. */
export function documentsOrigin(stack: Stack): string {
  return `https://${documentsBucketName(stack)}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`;
}

export interface DocumentsBucketProps {
  readonly admins: KeyAdministrators;
  readonly accessLogs: Bucket;
  /** The console's origins: the browser PUTs and GETs the presigned URLs from there. */
  readonly consoleOrigins: readonly string[];
}

export class DocumentsBucket extends Construct {
  readonly bucket: Bucket;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: DocumentsBucketProps) {
    super(scope, id);
    this.key = administeredKey(this, 'Key', props.admins, {
      description: "Encrypts the cases' documents (the private documents bucket)",
      enableKeyRotation: true,
    });
    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: documentsBucketName(Stack.of(this)),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      // Nothing is overwritten by the registry; versioning brings back what a mistake or an intruder would.
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 's3/documents/',
      lifecycleRules: [
        {
          id: 'unconfirmed-uploads',
          prefix: PENDING_UPLOAD_PREFIX,
          expiration: Duration.days(DOCUMENT_LIMITS.pendingDays),
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        {
          // A report's photo goes with its matter, which the table deletes after the same period.
          id: 'report-photos-retention',
          prefix: REPORT_PHOTO_PREFIX,
          expiration: Duration.days(COMPLAINT_SETTINGS.retentionDays),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
      cors: [
        {
          allowedMethods: DOCUMENT_CORS.allowedMethods.map((method) => HttpMethods[method]),
          allowedOrigins: [...props.consoleOrigins],
          allowedHeaders: [...DOCUMENT_CORS.allowedHeaders],
          maxAge: DOCUMENT_CORS.maxAgeSeconds,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * What the public function needs for a report's photo: to presign its PUT into pending/report-photos/, read it
   * back and delete it there, and keep the checked copy under reports/ (put only: it never reads a kept photo).
   */
  grantReportPhotoIntake(role: IRole): void {
    const pending = this.bucket.arnForObjects(`${PENDING_PHOTO_PREFIX}*`);
    const kept = this.bucket.arnForObjects(`${REPORT_PHOTO_PREFIX}*`);
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'ReportPhotoUploads',
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        resources: [pending],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({ sid: 'KeepReportPhotos', actions: ['s3:PutObject'], resources: [kept] }),
    );
    allowUse(this.key, 'ReportPhotoIntake', [role], ['kms:GenerateDataKey', 'kms:Decrypt']);
    this.acknowledgePrefixes(
      role,
      [PENDING_PHOTO_PREFIX, REPORT_PHOTO_PREFIX],
      'A report photo is one object per matter',
    );
  }

  /** What the staff function needs to presign the download of a report's photo: reading under reports/, no more. */
  grantReportPhotoReading(role: IRole): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'ReadReportPhotos',
        actions: ['s3:GetObject'],
        resources: [this.bucket.arnForObjects(`${REPORT_PHOTO_PREFIX}*`)],
      }),
    );
    this.acknowledgePrefixes(role, [REPORT_PHOTO_PREFIX], 'A report photo is one object per matter');
  }

  private acknowledgePrefixes(role: IRole, prefixes: readonly string[], what: string): void {
    const logicalId = Stack.of(this).resolve((this.bucket.node.defaultChild as CfnBucket).logicalId) as string;
    for (const prefix of prefixes)
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${prefix}*]`,
        reason: `${what} under ${prefix}: that prefix only.`,
      });
  }

  /** What the staff function needs to presign, check and keep the files: those prefixes, those actions, no list. */
  grantCaseFiles(role: IRole): void {
    const pending = this.bucket.arnForObjects(`${PENDING_UPLOAD_PREFIX}*`);
    const cases = this.bucket.arnForObjects(`${CASE_DOCUMENT_PREFIX}*`);
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        resources: [pending, cases],
      }),
    );
    allowUse(this.key, 'CaseFiles', [role], ['kms:GenerateDataKey', 'kms:Decrypt']);
    this.acknowledgePrefixes(
      role,
      [PENDING_UPLOAD_PREFIX, CASE_DOCUMENT_PREFIX],
      'Case files are one object per upload or document version',
    );
  }
}
