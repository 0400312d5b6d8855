/** The cases' documents in AWS: a private, versioned, KMS-encrypted bucket of their own, reached by staff alone. */
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from '../../shared/case-documents/limits';
import { COMPLAINT_SETTINGS, PENDING_PHOTO_PREFIX, REPORT_PHOTO_PREFIX } from '../../shared/complaints';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { PENDING_UPLOAD_PREFIX } from '../../shared/store/document-objects';
import { actionsOf, roleStatements, SYNTH_TIMEOUT, type Synthesized, synth } from './synth';

let s: Synthesized;
beforeAll(() => {
  s = synth();
}, SYNTH_TIMEOUT);
afterAll(() => s?.cleanup());

const documentsBucket = () => {
  const found = s.template.findResources('AWS::S3::Bucket', {
    Properties: { LoggingConfiguration: { LogFilePrefix: 's3/documents/' } },
  });
  expect(Object.keys(found)).toHaveLength(1);
  return Object.values(found)[0] as { Properties: Record<string, any> };
};

describe("the cases' documents bucket", () => {
  it('is private, versioned and encrypted with its own rotating KMS key', () => {
    const { Properties: p } = documentsBucket();
    expect(p.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    const rule = p.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault;
    expect(rule.SSEAlgorithm).toBe('aws:kms');
    const keyId = rule.KMSMasterKeyID['Fn::GetAtt'][0] as string;
    expect(s.template.findResources('AWS::KMS::Key')[keyId]?.Properties.EnableKeyRotation).toBe(true);
  });

  it("has a name of the stack, account and region, whose origin the console's policy lets the pages reach", () => {
    const name = documentsBucket().Properties.BucketName;
    expect(JSON.stringify(name)).toContain('starmark-documents-');
    const [policy] = Object.values(s.template.findResources('AWS::CloudFront::ResponseHeadersPolicy')) as any[];
    const csp = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy;
    // The same join of the stack's name with the account and region, then the regional S3 endpoint.
    const parts = JSON.stringify(csp.ContentSecurityPolicy);
    expect(parts).toContain(' https://starmark-documents-');
    expect(parts).toContain('.s3.');
  });

  it("expires uploads never confirmed under pending/, and a report's photo with its matter", () => {
    const rules = documentsBucket().Properties.LifecycleConfiguration.Rules;
    expect(PENDING_PHOTO_PREFIX.startsWith(PENDING_UPLOAD_PREFIX)).toBe(true);
    expect(rules).toEqual([
      expect.objectContaining({
        Prefix: PENDING_UPLOAD_PREFIX,
        ExpirationInDays: DOCUMENT_LIMITS.pendingDays,
        Status: 'Enabled',
      }),
      expect.objectContaining({
        Prefix: REPORT_PHOTO_PREFIX,
        ExpirationInDays: COMPLAINT_SETTINGS.retentionDays,
        Status: 'Enabled',
      }),
    ]);
  });

  it('is named to the staff and public functions alone; staff put, get and delete case files, list nothing', () => {
    const fns = s.template.findResources('AWS::Lambda::Function');
    const given = Object.entries(fns).filter(([, fn]) =>
      Object.keys((fn as any).Properties.Environment?.Variables ?? {}).includes(DEPLOYMENT_ENV.documentBucket),
    );
    expect(given.map(([id]) => id).sort()).toEqual(
      [s.logicalId(s.stack.functions.public.fn), s.logicalId(s.stack.functions.staff.fn)].sort(),
    );
    const staffRole = s.logicalId(s.stack.functions.staff.role);
    const actions = actionsOf(roleStatements(s, staffRole).statements);
    expect(actions).toEqual(expect.arrayContaining(['s3:PutObject', 's3:GetObject', 's3:DeleteObject']));
    expect(actions.filter((a) => a.startsWith('s3:List'))).toEqual([]);
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { LogFilePrefix: 's3/documents/' },
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['PUT', 'GET'] })] },
    });
  });

  it("lets the public function put a report's photo under pending/report-photos/ and keep it under reports/ alone", () => {
    const publicRole = s.logicalId(s.stack.functions.public.role);
    const statements = roleStatements(s, publicRole).statements.filter((st: any) =>
      actionsOf([st]).some((a: string) => a.startsWith('s3:') && JSON.stringify(st.Resource).includes('Documents')),
    );
    const bySid = Object.fromEntries(statements.map((st: any) => [st.Sid, st]));
    expect(Object.keys(bySid).sort()).toEqual(['KeepReportPhotos', 'ReportPhotoUploads']);
    expect(JSON.stringify(bySid.ReportPhotoUploads.Resource)).toContain(`/${PENDING_PHOTO_PREFIX}*`);
    expect(actionsOf([bySid.KeepReportPhotos])).toEqual(['s3:PutObject']);
    expect(JSON.stringify(bySid.KeepReportPhotos.Resource)).toContain(`/${REPORT_PHOTO_PREFIX}*`);
    const staffRole = s.logicalId(s.stack.functions.staff.role);
    const read = roleStatements(s, staffRole).statements.filter((st: any) => st.Sid === 'ReadReportPhotos');
    expect(actionsOf(read)).toEqual(['s3:GetObject']);
  });
});
