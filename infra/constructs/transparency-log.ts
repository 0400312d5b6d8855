/**
 * The transparency log in AWS: its own Ed25519 KMS key (ECC_NIST_EDWARDS25519), which only the integrator may sign
 * with, and only pure Ed25519 over the raw note (ED25519_SHA_512, MessageType RAW); the integrator function, run
 * every minute, the single writer of the log's objects under the public `log/` prefix (served by CloudFront at
 * /log/). The key is retained: checkpoints already seen by monitors must stay verifiable.
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { RESERVED_CONCURRENCY } from '../figures';
import { deadLetterQueue } from './encrypted-topic';
import { administeredKey, allowUse, type KeyAdministrators } from './key-policy';
import type { LogArchive } from './log-archive';
import { StarmarkFunction } from './starmark-function';
import type { StarmarkTable } from './starmark-table';

/** A new checkpoint follows any growth of the log within this long (plus one run). */
export const LOG_INTEGRATION_RATE = Duration.minutes(1);
export const LOG_OBJECT_PREFIX = 'log/';

export interface TransparencyLogProps {
  readonly admins: KeyAdministrators;
  readonly table: StarmarkTable;
  readonly objects: Bucket;
  readonly environment: Record<string, string>;
  readonly projectRoot: string;
  readonly handlersDir: string;
  readonly logs: LogArchive;
}

export class TransparencyLog extends Construct {
  readonly key: Key;
  readonly integrator: StarmarkFunction;
  /** Invocations the schedule could not deliver: watched by an alarm like every other dead-letter queue. */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: TransparencyLogProps) {
    super(scope, id);
    this.key = administeredKey(this, 'Key', props.admins, {
      description: 'Signs the transparency log checkpoints (Ed25519 signed notes); public key served at /log/key',
      keySpec: KeySpec.ECC_NIST_EDWARDS25519,
      keyUsage: KeyUsage.SIGN_VERIFY,
    });
    this.integrator = new StarmarkFunction(this, 'Integrator', {
      projectRoot: props.projectRoot,
      logs: props.logs,
      name: 'log-integrator',
      entry: `${props.handlersDir}/log-integrator.ts`,
      description: 'starmark transparency log: hashes new entries into tiles, signs and publishes the checkpoint',
      table: { construct: props.table, access: 'readwrite' },
      reservedConcurrency: RESERVED_CONCURRENCY.logIntegrator,
      timeout: Duration.minutes(2),
      environment: {
        ...props.environment,
        [DEPLOYMENT_ENV.logKeyId]: this.key.keyArn,
        [DEPLOYMENT_ENV.objectBucket]: props.objects.bucketName,
      },
    });
    const role = this.integrator.role;
    allowUse(this.key, 'Sign', [role], ['kms:Sign'], {
      StringEquals: { 'kms:SigningAlgorithm': 'ED25519_SHA_512', 'kms:MessageType': 'RAW' },
    });
    allowUse(this.key, 'ReadPublicKey', [role], ['kms:GetPublicKey']);
    // Read and write under log/ only, and never delete or list: the published log is append-only.
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [props.objects.arnForObjects(`${LOG_OBJECT_PREFIX}*`)],
      }),
    );
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(props.objects.node.defaultChild as CfnBucket)}.Arn>/${LOG_OBJECT_PREFIX}*]`,
      reason:
        'The objects of the log/ prefix: tiles are named by index as the log grows, so they cannot be listed in ' +
        'advance; get and put only (no list, no delete).',
    });
    this.deadLetters = deadLetterQueue(this, 'ScheduleDeadLetters', 'the transparency-log integration schedule');
    new Rule(this, 'Schedule', {
      description: 'Integrates new transparency-log entries and publishes the checkpoint, every minute',
      schedule: Schedule.rate(LOG_INTEGRATION_RATE),
      // No retry: the next minute's run is the retry, and the lease keeps overlapping runs harmless.
      targets: [new LambdaFunction(this.integrator.fn, { retryAttempts: 0, deadLetterQueue: this.deadLetters })],
    });
  }

  /**
   * The public function reads the hash tiles to serve inclusion and consistency proofs (and the proof in each record
   * and receipt): get only, under log/ only.
   */
  grantReadProofs(role: IRole, objects: Bucket): void {
    this.grantReadLog(
      role,
      objects,
      'Proofs read the hash tiles, named by index as the log grows: get only, under log/ only.',
    );
  }

  /**
   * The sweep runs the log monitor on what the deployment publishes: the key, the checkpoint, every tile and entry
   * bundle. Get only, under log/ only: it checks the log, it never writes it.
   */
  grantMonitor(role: IRole, objects: Bucket): void {
    this.grantReadLog(
      role,
      objects,
      'The monitor reads every published tile and entry bundle, named by index as the log grows: get only, under ' +
        'log/ only.',
    );
  }

  private grantReadLog(role: IRole, objects: Bucket, reason: string): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [objects.arnForObjects(`${LOG_OBJECT_PREFIX}*`)] }),
    );
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(objects.node.defaultChild as CfnBucket)}.Arn>/${LOG_OBJECT_PREFIX}*]`,
      reason,
    });
  }
}
