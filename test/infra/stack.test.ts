/**
 * The stack's resources: the table from shared/table.ts, the three functions (runtime, settings, permissions),
 * the signing key, the staff user pool and the daily sweep. (Bundles: bundles.test.ts.)
 */

import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SigningKeys } from '../../infra/constructs/signing-keys';
import { LOG_RETENTION_MINIMUM_DAYS } from '../../infra/figures';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { ROLES } from '../../shared/model';
import { keyAttributes, TABLE } from '../../shared/table';
import { actionsOf, roleStatements, SYNTH_TIMEOUT, type Synthesized, synth } from './synth';

let s: Synthesized;
beforeAll(() => {
  s = synth();
}, SYNTH_TIMEOUT);
afterAll(() => s?.cleanup());

const TABLE_WRITES = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems'].map(
  (a) => `dynamodb:${a}`,
);

describe('table', () => {
  it('is the shared definition, on demand, recoverable, protected and retained', () => {
    s.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true },
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayEquals(
          keyAttributes().map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        ),
        GlobalSecondaryIndexes: TABLE.indexes.map((index) =>
          Match.objectLike({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
          }),
        ),
      },
    });
  });
});

describe('functions', () => {
  const names = ['public', 'staff', 'sweep'] as const;
  const props = (name: (typeof names)[number]) =>
    s.template.toJSON().Resources[s.logicalId(s.stack.functions[name].fn)].Properties;
  const roleOf = (name: (typeof names)[number]) => roleStatements(s, s.logicalId(s.stack.functions[name].role));
  const starMarkKeys = () => s.stack.node.findChild('Signing') as SigningKeys;
  const receiptKeys = () => s.stack.node.findChild('ReceiptSigning') as SigningKeys;
  const statusKeys = () => s.stack.node.findChild('StatusSigning') as SigningKeys;
  const keyArn = (key: IConstruct) => ({ 'Fn::GetAtt': [s.logicalId(key), 'Arn'] });
  const resourcesOf = (statements: ReturnType<typeof roleOf>['statements'], action: string) =>
    statements
      .filter((st) => actionsOf([st]).includes(action))
      .flatMap((st) => (Array.isArray(st.Resource) ? st.Resource : [st.Resource]));
  const signable = (name: (typeof names)[number]) => resourcesOf(roleOf(name).statements, 'kms:Sign');

  it.each(names)(
    '%s runs Node.js 22+ on arm64 with JSON logs, source maps, and a log group kept six months under a customer key',
    (name) => {
      const p = props(name);
      expect(Number(/^nodejs(\d+)\.x$/.exec(p.Runtime)?.[1])).toBeGreaterThanOrEqual(22);
      expect(p.Architectures).toEqual(['arm64']);
      expect(p.LoggingConfig.LogFormat).toBe('JSON');
      expect(p.Environment.Variables.NODE_OPTIONS).toContain('--enable-source-maps');
      const logGroup = s.template.toJSON().Resources[p.LoggingConfig.LogGroup.Ref];
      expect(logGroup.Properties.RetentionInDays).toBe(LOG_RETENTION_MINIMUM_DAYS);
      expect(logGroup.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
    },
  );

  it.each(names)('%s gets the deployment settings', (name) => {
    const env = props(name).Environment.Variables;
    for (const key of ['TABLE_NAME', 'CERTIFICATE_PREFIX', 'PUBLIC_BASE_URL', 'LOG_LEVEL', 'SIGNING_KEY_IDS']) {
      expect(env[key], key).toBeDefined();
    }
    expect(env.CERTIFICATE_PREFIX).toBe('SM');
    // Only the sweep sends reminders.
    expect('NOTIFY_TOPIC_ARN' in env).toBe(name === 'sweep');
    // Only the public function issues receipts; the others are not even told which keys sign them.
    expect('RECEIPT_KEY_IDS' in env).toBe(name === 'public');
  });

  it.each(names)('%s has only its own role, no managed policies and no wildcard actions', (name) => {
    const { statements, managed } = roleOf(name);
    expect(managed).toEqual([]);
    expect(actionsOf(statements).filter((a) => a.includes('*'))).toEqual([]);
  });

  it('public writes only usage counters, new filings and subscriptions; it signs receipts and statuses only', () => {
    const { statements } = roleOf('public');
    // Counting uses (API-key quotas, per-client rates) is one UpdateItem, on USAGE# items only.
    const counting = statements.filter((s: any) => s.Sid === 'CountUsesOnly');
    expect(counting).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'dynamodb:UpdateItem',
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USAGE#*'] } },
      }),
    ]);
    // Integrators' subscriptions: their own items and audit streams, nothing else of the table.
    const subscriptions = statements.filter((s: any) => s.Sid === 'SubscriptionWritesOnly');
    expect(subscriptions).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Condition: {
          'ForAllValues:StringLike': {
            'dynamodb:LeadingKeys': [
              'WEBHOOK#*',
              'EVT#watchlist/*',
              'EVT#webhook-endpoint/*',
              'EVT#webhook-delivery/*',
              'IDEM#api-key:*',
            ],
          },
        },
      }),
    ]);
    // A complaint or report, its first event and its spent challenge are put; nothing else, and never updated.
    const filing = statements.filter((s: any) => s.Sid === 'FileComplaintsOnly');
    expect(filing).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'dynamodb:PutItem',
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['MATTER#*', 'POW#*', 'EVT#matter/*'] } },
      }),
    ]);
    // … and the month's public figure is added to: that one partition, by an update (no put over it).
    expect(statements.filter((s: any) => s.Sid === 'CountReportsOnly')).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'dynamodb:UpdateItem',
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['FIGURES#counterfeit-reports'] } },
      }),
    ]);
    const actions = actionsOf(
      statements.filter(
        (s: any) =>
          !['CountUsesOnly', 'FileComplaintsOnly', 'CountReportsOnly', 'SubscriptionWritesOnly'].includes(s.Sid),
      ),
    );
    expect(actions).toContain('dynamodb:Query');
    expect(actions).toContain('kms:GetPublicKey');
    for (const forbidden of [...TABLE_WRITES, 'sns:Publish']) expect(actions).not.toContain(forbidden);
    expect(signable('public')).toEqual([keyArn(receiptKeys().current), keyArn(statusKeys().current)]);
    expect(signable('public')).not.toContainEqual(keyArn(starMarkKeys().current));
    // The JWKS it serves needs the public half of every key of both rings.
    const readable = resourcesOf(statements, 'kms:GetPublicKey');
    expect(readable).toEqual(expect.arrayContaining([...starMarkKeys().keys, ...receiptKeys().keys].map(keyArn)));
  });

  it('staff signs star marks only, never receipts or statuses', () => {
    expect(signable('staff')).toEqual([keyArn(starMarkKeys().current)]);
  });

  it('the sweep signs star marks and, with the status key, the open-data manifest; never receipts', () => {
    // The sweep writes every status the snapshot is made from: signing statuses gives it nothing it lacks.
    expect(signable('sweep')).toEqual([keyArn(starMarkKeys().current), keyArn(statusKeys().current)]);
    expect(signable('sweep')).not.toContainEqual(keyArn(receiptKeys().current));
    expect(props('sweep').Environment.Variables).toHaveProperty(DEPLOYMENT_ENV.statusKeyIds);
  });

  it('the sweep may put open data and nothing else under the public prefixes', () => {
    const puts = resourcesOf(roleOf('sweep').statements, 's3:PutObject');
    expect(JSON.stringify(puts)).toContain('/open-data/*');
    expect(JSON.stringify(puts)).not.toMatch(/\/(log|status|receipts)\//);
  });

  it('staff and sweep write the table and sign; only the sweep publishes reminders; nobody scans', () => {
    for (const name of ['staff', 'sweep'] as const) {
      const actions = actionsOf(roleOf(name).statements);
      expect(actions).toEqual(
        expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'kms:Sign', 'kms:GetPublicKey']),
      );
      expect(actions.includes('sns:Publish'), name).toBe(name === 'sweep');
    }
    for (const name of names) expect(actionsOf(roleOf(name).statements)).not.toContain('dynamodb:Scan');
  });

  it('only staff lists the staff directory (ListUsersInGroup); the webhook worker finds a holder (ListUsers)', () => {
    const pool = Object.keys(s.template.findResources('AWS::Cognito::UserPool'));
    expect(pool).toHaveLength(1);
    const poolArn = { 'Fn::GetAtt': [pool[0], 'Arn'] };
    expect(resourcesOf(roleOf('staff').statements, 'cognito-idp:ListUsersInGroup')).toEqual([poolArn]);
    expect(props('staff').Environment.Variables[DEPLOYMENT_ENV.userPoolId]).toEqual({ Ref: pool[0] });
    for (const name of names) {
      const cognito = actionsOf(roleOf(name).statements).filter((a) => a.startsWith('cognito-idp:'));
      expect(cognito, name).toEqual(name === 'staff' ? ['cognito-idp:ListUsersInGroup'] : []);
      if (name !== 'staff') expect(DEPLOYMENT_ENV.userPoolId in props(name).Environment.Variables).toBe(false);
    }
    const worker = roleStatements(s, s.logicalId(s.stack.webhookWorker.role)).statements;
    expect(resourcesOf(worker, 'cognito-idp:ListUsers')).toEqual([poolArn]);
  });
});

describe('signing, staff identity, schedule', () => {
  it('signs star marks, receipts and status snapshots with three distinct retained ECC P-256 KMS keys', () => {
    const keys = s.template.findResources('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' },
    });
    expect(Object.keys(keys)).toHaveLength(3);
    expect(
      Object.values(keys)
        .map((k) => k.Properties.Description)
        .sort(),
    ).toEqual([
      expect.stringMatching(/^Signs star-mark certificates/),
      expect.stringMatching(/^Signs status snapshots/),
      expect.stringMatching(/^Signs verification receipts/),
    ]);
  });

  it('has a staff user pool without self sign-up, with MFA, and one group per role', () => {
    s.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
    });
    const groups = Object.values(s.template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (g) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  it('runs the sweep daily at 07:00 Asia/Shanghai (23:00 UTC)', () => {
    s.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 23 * * ? *)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [s.logicalId(s.stack.functions.sweep.fn), 'Arn'] } })],
    });
  });

  it('encrypts the reminder topic with a rotated key, refuses plain HTTP, and alarms on sweep errors', () => {
    const [topic] = Object.values(s.template.findResources('AWS::SNS::Topic'));
    const keyId = topic?.Properties.KmsMasterKeyId['Fn::GetAtt'][0];
    expect(s.template.toJSON().Resources[keyId].Properties.EnableKeyRotation).toBe(true);
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: s.logicalId(s.stack.functions.sweep.fn) } }],
      AlarmActions: [{ Ref: Match.anyValue() }],
    });
    s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});
