/**
 * The deployment a certification body can defend (issue 19), asserted on the synthesized templates of both
 * profiles: Cognito in an AWS region, and an OIDC issuer in the aws-cn partition (every synth here is also nag-clean,
 * or it would have thrown). Keys only their users can use; no way around the edge; alarms, dashboard and
 * dead-letter queues; log retention and encryption; backups; history no function can delete; production guard.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SigningKeys } from '../../infra/constructs/signing-keys';
import { HISTORY_PREFIXES } from '../../infra/constructs/starmark-table';
import { ALARMS, LOG_RETENTION_MINIMUM_DAYS, RESERVED_CONCURRENCY, WAF } from '../../infra/figures';
import {
  CERTIFICATION_BODY_ENV,
  certificationBodyFromJson,
  DEMO_CERTIFICATION_BODY,
} from '../../shared/certification-body';
import { DEPLOYMENT_ENV, ORIGIN_VERIFY_HEADER } from '../../shared/deployment-env';
import { keys } from '../../shared/store/keys';
import { EXAMPLE_CERTIFICATION_BODY } from '../support/certification-body';
import { assertOnlySigners, isAccountWide, type PolicyStatementJson, principalsAllowed } from './key-policies';
import { roleStatements, SYNTH_TIMEOUT, type Synthesized, synth } from './synth';

const ISSUER = 'https://id.example.cn/realms/starmark';
let s: Synthesized;
let full: Synthesized;
let cn: Synthesized;
beforeAll(() => {
  s = synth();
  full = synth({
    context: {
      logRetentionDays: 365,
      alarmEmails: 'ops@example.cn, oncall@example.cn',
      reminderEmails: 'registry@example.cn',
      backupCopyVaultArn: 'arn:aws:backup:eu-west-1:210987654321:backup-vault:starmark-copy',
      backupVaultLock: true,
      sesFromAddress: 'registry@example.cn',
      keyAdminRoleArn: 'arn:aws:iam::123456789012:role/security-officer',
    },
  });
  cn = synth({
    context: {
      region: 'cn-north-1',
      identity: 'oidc',
      oidcIssuer: ISSUER,
      oidcClientId: 'starmark-console',
      production: true,
      certificationBody: EXAMPLE_CERTIFICATION_BODY,
      publicBaseUrl: 'https://verify.example.cn',
      domainName: 'verify.example.cn',
      iamCertificateId: 'ASCAEXAMPLE0000000001',
    },
  });
}, SYNTH_TIMEOUT * 3);
afterAll(() => {
  for (const x of [s, full, cn]) x?.cleanup();
});

const resources = (x: Synthesized) =>
  x.template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
const ofType = (x: Synthesized, type: string) => Object.entries(resources(x)).filter(([, r]) => r.Type === type);
const roleArn = (x: Synthesized, role: IConstruct) => ({ 'Fn::GetAtt': [x.logicalId(role), 'Arn'] });
const keyPolicy = (x: Synthesized, key: IConstruct) =>
  resources(x)[x.logicalId(key)]!.Properties.KeyPolicy as { Statement: PolicyStatementJson[] };
const rings = (x: Synthesized) => ({
  starMark: x.stack.node.findChild('Signing') as SigningKeys,
  receipt: x.stack.node.findChild('ReceiptSigning') as SigningKeys,
});

describe.each([
  ['Cognito', () => s],
  ['OIDC in aws-cn', () => cn],
])('keys only their users can use (%s)', (_, get) => {
  it('lets only the staff and sweep roles sign star marks, and only the public role sign receipts', () => {
    const x = get();
    const fn = x.stack.functions;
    for (const key of rings(x).starMark.keys.slice(0, 1))
      assertOnlySigners(keyPolicy(x, key), [roleArn(x, fn.staff.role), roleArn(x, fn.sweep.role)]);
    for (const key of rings(x).receipt.keys.slice(0, 1))
      assertOnlySigners(keyPolicy(x, key), [roleArn(x, fn.public.role)]);
  });

  it('signs only ECDSA_SHA_256 over a digest, the way the functions sign', () => {
    const x = get();
    const sign = keyPolicy(x, rings(x).starMark.current).Statement.find((st) => st.Action === 'kms:Sign')!;
    expect(sign.Condition).toEqual({
      StringEquals: { 'kms:SigningAlgorithm': 'ECDSA_SHA_256', 'kms:MessageType': 'DIGEST' },
    });
  });

  it('gives no key of the stack to the whole account, and no key administrator a use of it', () => {
    const x = get();
    const all = ofType(x, 'AWS::KMS::Key');
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const [id, key] of all) {
      const policy = key.Properties.KeyPolicy as { Statement: PolicyStatementJson[] };
      for (const action of ['kms:Sign', 'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:CreateGrant'])
        expect(principalsAllowed(policy, action).filter(isAccountWide), `${id} ${action}`).toEqual([]);
      for (const st of policy.Statement)
        expect(
          [st.Action].flat().some((a) => a.includes('*')),
          id,
        ).toBe(false);
      const admin = policy.Statement.find((st) => st.Sid === 'Administration')!;
      expect([admin.Action].flat(), id).toContain('kms:PutKeyPolicy');
      for (const use of ['kms:Sign', 'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:ReEncryptFrom'])
        expect([admin.Action].flat(), `${id} admin ${use}`).not.toContain(use);
    }
  });
});

describe('the key checks themselves', () => {
  it("fail on CDK's default key policy, which lets the account root sign", () => {
    const stack = new Stack(new App(), 'Default');
    const key = new Key(stack, 'Key', { keySpec: 'ECC_NIST_P256' as never, keyUsage: 'SIGN_VERIFY' as never });
    const policy = stack.resolve((key.node.defaultChild as any).keyPolicy) as { Statement: PolicyStatementJson[] };
    expect(() => assertOnlySigners(policy, [])).toThrow(/account-wide/);
  });

  it('fail when a third role may sign', () => {
    const policy = keyPolicy(s, rings(s).starMark.current);
    expect(() => assertOnlySigners(policy, [roleArn(s, s.stack.functions.staff.role)])).toThrow(/expected/);
  });

  it('administer the keys through the named role when one is given', () => {
    const admin = keyPolicy(full, rings(full).starMark.current).Statement.find((st) => st.Sid === 'Administration')!;
    expect(JSON.stringify(admin.Principal)).toContain('arn:aws:iam::123456789012:role/security-officer');
    expect(JSON.stringify(admin.Principal)).toContain('cfn-exec-role');
  });
});

describe('no way around the edge', () => {
  it('sends the origin secret from CloudFront to the API, through a dynamic reference only', () => {
    const [[, distribution]] = ofType(s, 'AWS::CloudFront::Distribution') as [[string, any]];
    const apiOrigin = distribution.Properties.DistributionConfig.Origins.find((o: any) => o.CustomOriginConfig);
    const header = apiOrigin.OriginCustomHeaders.find((h: any) => h.HeaderName === ORIGIN_VERIFY_HEADER);
    expect(JSON.stringify(header.HeaderValue)).toMatch(/\{\{resolve:secretsmanager:/);
  });

  it('tells the API functions which secret to check, lets them read it, and rotates it', () => {
    const secretId = s.logicalId(s.stack.secrets.originVerify);
    const cursorSecretId = s.logicalId(s.stack.secrets.cursorKey);
    for (const name of ['public', 'staff'] as const) {
      const fn = resources(s)[s.logicalId(s.stack.functions[name].fn)]!;
      expect(fn.Properties.Environment.Variables[DEPLOYMENT_ENV.originVerifySecretArn]).toEqual({ Ref: secretId });
      expect(fn.Properties.Environment.Variables[DEPLOYMENT_ENV.cursorSecretArn]).toEqual({ Ref: cursorSecretId });
      const reads = roleStatements(s, s.logicalId(s.stack.functions[name].role)).statements.filter(
        (st) => st.Action === 'secretsmanager:GetSecretValue',
      );
      const read = reads.flatMap((st) => [st.Resource].flat());
      expect(read).toHaveLength(2);
      expect(read).toEqual(expect.arrayContaining([{ Ref: secretId }, { Ref: cursorSecretId }]));
    }
    const sweepEnv = resources(s)[s.logicalId(s.stack.functions.sweep.fn)]!.Properties.Environment.Variables;
    expect(DEPLOYMENT_ENV.originVerifySecretArn in sweepEnv).toBe(false);
    expect(DEPLOYMENT_ENV.cursorSecretArn in sweepEnv).toBe(false);
    s.template.hasResourceProperties('AWS::SecretsManager::RotationSchedule', {
      SecretId: { Ref: secretId },
      RotationLambdaARN: { 'Fn::GetAtt': [s.logicalId(s.stack.originSecretRotation.fn), 'Arn'] },
    });
    const rotation = roleStatements(s, s.logicalId(s.stack.originSecretRotation.role)).statements;
    expect(rotation.flatMap((st) => [st.Action].flat())).toEqual(
      expect.arrayContaining(['cloudfront:UpdateDistribution', 'secretsmanager:PutSecretValue']),
    );
  });

  it('no longer advertises the execute-api endpoint', () => {
    expect(Object.keys(s.template.toJSON().Outputs)).not.toContain('ApiUrl');
  });

  it('puts a WAF web ACL for CloudFront in a us-east-1 companion stack, on by default', () => {
    expect(s.edgeTemplate).toBeDefined();
    expect(s.app.node.findChild('StarmarkEdge') as Stack).toHaveProperty('region', 'us-east-1');
    const [acl] = Object.values(s.edgeTemplate!.findResources('AWS::WAFv2::WebACL')) as any[];
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    const rules = acl.Properties.Rules as any[];
    const managed = rules.map((r) => r.Statement.ManagedRuleGroupStatement?.Name).filter(Boolean);
    expect(managed).toEqual(
      expect.arrayContaining(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesAmazonIpReputationList']),
    );
    const perIp = rules.filter((r) => r.Statement.RateBasedStatement?.AggregateKeyType === 'IP');
    expect(perIp.map((r) => r.Statement.RateBasedStatement.Limit).sort()).toEqual(
      [WAF.requestsPerIp, WAF.staffRequestsPerIp].sort(),
    );
    for (const r of perIp) expect(r.Action.Block.CustomResponse.ResponseCode).toBe(429);
    s.edgeTemplate!.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 1);
  });

  it('attaches that web ACL to the distribution, read back from the edge region', () => {
    const [[, distribution]] = ofType(s, 'AWS::CloudFront::Distribution') as [[string, any]];
    const [[readId, read]] = ofType(s, 'Custom::AWS') as [[string, any]];
    expect(distribution.Properties.DistributionConfig.WebACLId).toEqual({ 'Fn::GetAtt': [readId, 'Parameter.Value'] });
    expect(JSON.stringify(read.Properties.Update)).toContain('us-east-1');
  });

  it(
    'can be switched off, and then acknowledges the finding with a reason',
    () => {
      const off = synth({ context: { waf: 'off' } });
      try {
        expect(off.edgeTemplate).toBeUndefined();
        const [[, distribution]] = ofType(off, 'AWS::CloudFront::Distribution') as [[string, any]];
        expect(distribution.Properties.DistributionConfig.WebACLId).toBeUndefined();
      } finally {
        off.cleanup();
      }
    },
    SYNTH_TIMEOUT,
  );

  it('reserves concurrency per function from the figures, leaving the account its unreserved 100', () => {
    const fn = s.stack.functions;
    const reserved = (f: IConstruct) => resources(s)[s.logicalId(f)]!.Properties.ReservedConcurrentExecutions;
    expect(reserved(fn.public.fn)).toBe(RESERVED_CONCURRENCY.public);
    expect(reserved(fn.staff.fn)).toBe(RESERVED_CONCURRENCY.staff);
    expect(reserved(fn.sweep.fn)).toBe(RESERVED_CONCURRENCY.sweep);
    expect(reserved(s.stack.originSecretRotation.fn)).toBe(RESERVED_CONCURRENCY.originSecretRotation);
    expect(reserved(s.stack.webhookWorker.fn)).toBe(RESERVED_CONCURRENCY.webhooks);
    expect(Object.values(RESERVED_CONCURRENCY).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1000 - 100);
  });
});

describe('observable', () => {
  const alarms = (x: Synthesized) => ofType(x, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
  const alarmTopic = (x: Synthesized) => x.logicalId(x.stack.node.findChild('Alarms').node.findChild('Topic'));

  it('sends every alarm, and its recovery, to the one alarm topic', () => {
    const all = alarms(s);
    expect(all.length).toBeGreaterThanOrEqual(15);
    for (const a of all) {
      expect(a.AlarmActions, a.AlarmDescription).toEqual([{ Ref: alarmTopic(s) }]);
      expect(a.OKActions, a.AlarmDescription).toEqual([{ Ref: alarmTopic(s) }]);
    }
  });

  it('watches errors and throttles of every function, and KMS failures of those that sign', () => {
    const fns = [
      ...Object.values(s.stack.functions),
      s.stack.originSecretRotation,
      s.stack.logIntegrator,
      s.stack.webhookWorker,
    ];
    for (const f of fns) {
      for (const metric of ['Errors', 'Throttles']) {
        expect(
          alarms(s).some((a) => a.MetricName === metric && JSON.stringify(a.Dimensions).includes(s.logicalId(f.fn))),
          `${f.node.id} ${metric}`,
        ).toBe(true);
      }
    }
    const kms = alarms(s).filter((a) => a.MetricName === 'KmsFailures');
    expect(kms.map((a) => a.Dimensions[0].Value).sort()).toEqual(['log-integrator', 'public', 'staff', 'sweep']);
  });

  it('watches the API 5xx and 429 shares, and DynamoDB throttles and system errors', () => {
    const math = alarms(s).filter((a) => a.Metrics);
    const expressions = math.flatMap((a) => a.Metrics.map((m: any) => m.Expression ?? m.MetricStat?.Metric.MetricName));
    expect(expressions).toEqual(expect.arrayContaining(['5xx', 'Api429', 'ThrottledRequests', 'SystemErrors']));
    s.template.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: '{ $.status = "429" }' });
  });

  it(`raises the alarm when the sweep has not completed in ${ALARMS.sweepSilenceHours} hours`, () => {
    const silent = alarms(s).find((a) => a.MetricName === 'SweepCompleted')!;
    expect(silent).toMatchObject({
      Period: 3600,
      EvaluationPeriods: ALARMS.sweepSilenceHours,
      DatapointsToAlarm: ALARMS.sweepSilenceHours,
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      TreatMissingData: 'breaching',
    });
  });

  it('gives every schedule and every subscription a dead-letter queue, with an alarm on any message', () => {
    // The sweep, the log integration, the webhook deliveries and the rewrite of the key set shipped with the page.
    const rules = ofType(s, 'AWS::Events::Rule').map(([, rule]) => rule.Properties);
    expect(rules).toHaveLength(4);
    const dlqs = rules.map((rule) => rule.Targets[0].DeadLetterConfig.Arn['Fn::GetAtt'][0]);
    const subscriptions = ofType(full, 'AWS::SNS::Subscription').map(([, x]) => x.Properties);
    expect(subscriptions.map((x) => x.Endpoint).sort()).toEqual([
      'oncall@example.cn',
      'ops@example.cn',
      'registry@example.cn',
    ]);
    for (const x of subscriptions) expect(x.RedrivePolicy.deadLetterTargetArn).toBeDefined();
    const watched = alarms(s)
      .filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')
      .map((a) => a.Dimensions[0].Value['Fn::GetAtt'][0]);
    expect(watched).toEqual(expect.arrayContaining(dlqs));
    expect(watched).toHaveLength(6);
  });

  it('has one dashboard, and traces every function with X-Ray', () => {
    s.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    for (const [, f] of ofType(s, 'AWS::Lambda::Function').filter(
      ([, f]) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME,
    ))
      expect(f.Properties.TracingConfig).toEqual({ Mode: 'Active' });
  });
});

describe('retention and recovery', () => {
  it.each([
    ['by default', () => s, LOG_RETENTION_MINIMUM_DAYS],
    ['when raised by context', () => full, 365],
  ])('keeps every log group at least six months, under the customer key (%s)', (_, get, days) => {
    const x = get();
    const groups = [
      ...ofType(x, 'AWS::Logs::LogGroup'),
      ...Object.entries(x.edgeTemplate!.findResources('AWS::Logs::LogGroup')),
    ];
    expect(groups.length).toBeGreaterThanOrEqual(6);
    for (const [id, g] of groups as [string, any][]) {
      expect(g.Properties.RetentionInDays, id).toBe(days);
      expect(g.Properties.KmsKeyId, id).toBeDefined();
    }
    // Lambda would otherwise make /aws/lambda/… groups of its own, with no retention: each function names ours.
    for (const [id, f] of ofType(x, 'AWS::Lambda::Function'))
      expect(f.Properties.LoggingConfig?.LogGroup, id).toBeDefined();
  });

  it('refuses a retention below six months', () => {
    expect(() => synth({ context: { logRetentionDays: 90 } })).toThrow(/logRetentionDays/);
  });

  it('lets CloudWatch Logs use the log key for this stack’s log groups only', () => {
    const logs = s.stack.node.findChild('Logs').node.findChild('Key');
    const st = keyPolicy(s, logs).Statement.find((x) => x.Sid === 'CloudWatchLogsForThisStack')!;
    expect(JSON.stringify(st.Condition)).toMatch(/kms:EncryptionContext:aws:logs:arn.*log-group:\/Starmark\/\*/);
  });

  it('denies every function deleting audit events, counters, key records and report figures, by their prefixes', () => {
    expect(Object.values(HISTORY_PREFIXES).sort()).toEqual(
      [keys.eventStream(''), keys.counter('').pk, keys.signingKey('').pk, 'FIGURES#'].sort(),
    );
    for (const f of [...Object.values(s.stack.functions)]) {
      const role = s.template.toJSON().Resources;
      const policies = Object.values(role).filter(
        (r: any) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(s.logicalId(f.role)),
      ) as any[];
      const denies = policies
        .flatMap((p) => p.Properties.PolicyDocument.Statement)
        .filter((st: any) => st.Effect === 'Deny');
      const deletes = denies.find((st: any) => [st.Action].flat().includes('dynamodb:DeleteItem'));
      expect(deletes.Condition['ForAnyValue:StringLike']['dynamodb:LeadingKeys'].sort()).toEqual(
        Object.values(HISTORY_PREFIXES)
          .map((p) => `${p}*`)
          .sort(),
      );
      expect([deletes.Action].flat()).toContain('dynamodb:BatchWriteItem');
      const updates = denies.find((st: any) => st.Action === 'dynamodb:UpdateItem');
      expect(updates.Condition['ForAnyValue:StringLike']['dynamodb:LeadingKeys']).toEqual([
        `${HISTORY_PREFIXES.auditEvents}*`,
      ]);
    }
  });

  it('backs the table up daily into its own vault', () => {
    const [[, plan]] = ofType(s, 'AWS::Backup::BackupPlan') as [[string, any]];
    const [rule] = plan.Properties.BackupPlan.BackupPlanRule;
    expect(rule.ScheduleExpression).toBe('cron(0 18 * * ? *)');
    expect(rule.CopyActions).toBeUndefined();
    s.template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({
        Resources: [{ 'Fn::GetAtt': [s.logicalId(s.stack.node.findChild('Data').node.findChild('Table')), 'Arn'] }],
      }),
    });
    const [[, vault]] = ofType(s, 'AWS::Backup::BackupVault') as [[string, any]];
    expect(vault.Properties.LockConfiguration).toBeUndefined();
  });

  it('copies each backup to the vault given by context, and locks the vault on request', () => {
    const [[, plan]] = ofType(full, 'AWS::Backup::BackupPlan') as [[string, any]];
    expect(plan.Properties.BackupPlan.BackupPlanRule[0].CopyActions).toEqual([
      expect.objectContaining({
        DestinationBackupVaultArn: 'arn:aws:backup:eu-west-1:210987654321:backup-vault:starmark-copy',
      }),
    ]);
    const [[, vault]] = ofType(full, 'AWS::Backup::BackupVault') as [[string, any]];
    expect(vault.Properties.LockConfiguration.MinRetentionDays).toBeGreaterThan(0);
  });
});

describe('identity for any region', () => {
  it('sends Cognito mail through SES when configured, with Chinese and English templates', () => {
    const [[, pool]] = ofType(full, 'AWS::Cognito::UserPool') as [[string, any]];
    expect(pool.Properties.EmailConfiguration).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      From: expect.stringContaining('registry@example.cn'),
    });
    const invitation = pool.Properties.AdminCreateUserConfig.InviteMessageTemplate;
    expect(invitation.EmailMessage).toMatch(/临时密码：\{####\}/);
    expect(invitation.EmailMessage).toMatch(/Temporary password: \{####\}/);
    expect(invitation.EmailMessage).toContain('{username}');
    expect(pool.Properties.VerificationMessageTemplate.EmailMessage).toMatch(/验证码.*\{####\}.*verification code/s);
    const [[, byDefault]] = ofType(s, 'AWS::Cognito::UserPool') as [[string, any]];
    expect(byDefault.Properties.EmailConfiguration?.EmailSendingAccount ?? 'COGNITO_DEFAULT').toBe('COGNITO_DEFAULT');
  });

  it('synthesizes for aws-cn without Cognito, behind the OIDC issuer', () => {
    expect(
      Object.values(cn.template.toJSON().Resources).filter((r: any) => r.Type.startsWith('AWS::Cognito::')),
    ).toEqual([]);
    const [[, authorizer]] = ofType(cn, 'AWS::ApiGatewayV2::Authorizer') as [[string, any]];
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: ISSUER, Audience: ['starmark-console'] },
    });
    expect(JSON.stringify(cn.template.toJSON())).toContain('arn:aws-cn:');
    for (const name of ['public', 'staff'] as const)
      expect(
        resources(cn)[cn.logicalId(cn.stack.functions[name].fn)]!.Properties.Environment.Variables[
          DEPLOYMENT_ENV.rolesClaim
        ],
      ).toBe('groups');
    expect(cn.app.node.findChild('StarmarkEdge') as Stack).toHaveProperty('region', 'cn-northwest-1');
  });

  it('serves the pages in China without CloudFront Functions or origin access control, which CloudFront there lacks', () => {
    cn.template.resourceCountIs('AWS::CloudFront::Function', 0);
    cn.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 0);
    // One identity per private bucket the edge reads: the pages and the registry's public objects.
    cn.template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 2);
    // The clean page URLs become objects of their own, uploaded as HTML.
    cn.template.hasResourceProperties('Custom::CDKBucketDeployment', {
      Prune: false,
      SystemMetadata: { 'content-type': 'text/html; charset=utf-8' },
    });
    s.template.resourceCountIs('AWS::CloudFront::Function', 1);
  });

  it('tells the console to sign in through the issuer, and lets the pages reach it', () => {
    // No tokens in this config, so it is staged as a file of the deployment's assets rather than as markers.
    const staged = readdirSync(cn.outdir)
      .map((d) => join(cn.outdir, d, 'console-config.json'))
      .filter((f) => existsSync(f));
    expect(staged.map((f) => JSON.parse(readFileSync(f, 'utf8')))).toEqual([
      { auth: 'oidc', issuer: ISSUER, clientId: 'starmark-console', rolesClaim: 'groups' },
    ]);
    const [[, policy]] = ofType(cn, 'AWS::CloudFront::ResponseHeadersPolicy') as [[string, any]];
    // The issuer, then the case files' bucket (named from the account and region: a join of pseudo-parameters).
    expect(
      JSON.stringify(
        policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy,
      ),
    ).toContain("connect-src 'self' https://id.example.cn https://");
  });

  it('serves the custom domain in China with an IAM server certificate (CloudFront there has no ACM), TLS 1.2+', () => {
    const [[, distribution]] = ofType(cn, 'AWS::CloudFront::Distribution') as [[string, any]];
    expect(distribution.Properties.DistributionConfig.ViewerCertificate).toEqual({
      IamCertificateId: 'ASCAEXAMPLE0000000001',
      SslSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
    });
    expect(distribution.Properties.DistributionConfig.Aliases).toEqual(['verify.example.cn']);
  });

  it('refuses Cognito in aws-cn, an ACM certificate there, and half an OIDC configuration', () => {
    expect(() => synth({ context: { region: 'cn-north-1' } })).toThrow(/identity=oidc/);
    expect(() =>
      synth({
        context: {
          region: 'cn-north-1',
          domainName: 'verify.example.cn',
          certificateArn: 'arn:aws-cn:acm:us-east-1:123456789012:certificate/x',
        },
      }),
    ).toThrow(/iamCertificateId/);
    expect(() => synth({ context: { identity: 'oidc', oidcIssuer: ISSUER } })).toThrow(/oidcClientId/);
    expect(() =>
      synth({ context: { identity: 'oidc', oidcIssuer: 'http://id.example.cn', oidcClientId: 'c' } }),
    ).toThrow(/https/);
  });
});

describe('safe defaults for printed URLs', () => {
  it('refuses a production synth without publicBaseUrl and a custom domain', () => {
    expect(() => synth({ context: { production: true } })).toThrow(/production=true needs publicBaseUrl/);
    expect(() => synth({ context: { production: true, publicBaseUrl: 'https://verify.example.cn' } })).toThrow(
      /custom domain/,
    );
  });

  it('refuses a production synth that names no certification body, or the fictional demonstration one', () => {
    const production = {
      production: true,
      publicBaseUrl: 'https://verify.example.cn',
      domainName: 'verify.example.cn',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
    };
    expect(() => synth({ context: production })).toThrow(/production=true needs certificationBody/);
    expect(() => synth({ context: { ...production, certificationBody: DEMO_CERTIFICATION_BODY } })).toThrow(
      /production=true needs certificationBody/,
    );
  });

  it('gives every function the configured certification body, parsed by the one schema', () => {
    const fn = resources(cn)[cn.logicalId(cn.stack.functions.staff.fn)]!;
    const value = fn.Properties.Environment.Variables[CERTIFICATION_BODY_ENV];
    expect(certificationBodyFromJson(value)).toEqual(EXAMPLE_CERTIFICATION_BODY);
  });

  it('prints the configured verify URL in production', () => {
    const fn = resources(cn)[cn.logicalId(cn.stack.functions.staff.fn)]!;
    expect(fn.Properties.Environment.Variables.PUBLIC_BASE_URL).toBe('https://verify.example.cn');
  });
});
