/**
 * Every log group of the stack: kept for the configured retention (at least six months, 网络安全法 Art. 21) and
 * encrypted with one customer key. All of them are named under `/<stack name>/`, so the key policy lets CloudWatch
 * Logs use the key for exactly those log groups of this account and region (the `aws:logs:arn` encryption context
 * that CloudWatch Logs sends with every call) and for nothing else.
 */
import { Arn, ArnFormat, Aws, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { administeredKey, type KeyAdministrators } from './key-policy';

export class LogArchive extends Construct {
  readonly key: Key;
  readonly retentionDays: number;
  private readonly prefix: string;

  constructor(
    scope: Construct,
    id: string,
    props: {
      admins: KeyAdministrators;
      retentionDays: number;
      /** Log group names start with this (default `/<stack name>`); WAF wants `aws-waf-logs-…`. */
      prefix?: string;
    },
  ) {
    super(scope, id);
    const stack = Stack.of(this);
    this.prefix = `${props.prefix ?? `/${stack.stackName}`}/`;
    this.retentionDays = props.retentionDays;
    this.key = administeredKey(this, 'Key', props.admins, {
      description: `Encrypts the log groups of ${stack.stackName}`,
      enableKeyRotation: true,
    });
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsForThisStack',
        principals: [new ServicePrincipal(`logs.${Aws.REGION}.${Aws.URL_SUFFIX}`)],
        actions: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncryptFrom',
          'kms:ReEncryptTo',
          'kms:GenerateDataKey',
          'kms:GenerateDataKeyWithoutPlaintext',
          'kms:DescribeKey',
        ],
        resources: ['*'],
        conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': this.logGroupArnPattern } },
      }),
    );
  }

  /** A log group `/<stack>/<name>` with the retention and the key; retained, since logs are evidence. */
  logGroup(scope: Construct, id: string, name: string): LogGroup {
    return new LogGroup(scope, id, {
      logGroupName: `${this.prefix}${name}`,
      retention: this.retentionDays as RetentionDays,
      encryptionKey: this.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** The ARN of every log group of this stack, as CloudWatch Logs puts it in the encryption context. */
  get logGroupArnPattern(): string {
    return Arn.format(
      {
        service: 'logs',
        resource: 'log-group',
        resourceName: `${this.prefix}*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      },
      Stack.of(this),
    );
  }
}
