/** The cases' documents in AWS: a private, versioned, KMS-encrypted bucket of their own, reached by staff alone. */
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from '../../shared/case-documents/limits';
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

  it('expires uploads never confirmed, under pending/ only', () => {
    const rules = documentsBucket().Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual([
      expect.objectContaining({
        Prefix: PENDING_UPLOAD_PREFIX,
        ExpirationInDays: DOCUMENT_LIMITS.pendingDays,
        Status: 'Enabled',
      }),
    ]);
  });

  it('is named to the staff function alone, which may put, get and delete case files and list nothing', () => {
    const fns = s.template.findResources('AWS::Lambda::Function');
    const given = Object.entries(fns).filter(([, fn]) =>
      Object.keys((fn as any).Properties.Environment?.Variables ?? {}).includes(DEPLOYMENT_ENV.documentBucket),
    );
    expect(given.map(([id]) => id)).toEqual([s.logicalId(s.stack.functions.staff.fn)]);
    const staffRole = s.logicalId(s.stack.functions.staff.role);
    const actions = actionsOf(roleStatements(s, staffRole).statements);
    expect(actions).toEqual(expect.arrayContaining(['s3:PutObject', 's3:GetObject', 's3:DeleteObject']));
    expect(actions.filter((a) => a.startsWith('s3:List'))).toEqual([]);
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { LogFilePrefix: 's3/documents/' },
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['PUT', 'GET'] })] },
    });
  });
});
