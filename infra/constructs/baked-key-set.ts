/**
 * /jwks.json, the key set shipped with the page, at deploy: the public keys exist only once KMS has made them, so a
 * custom resource runs functions/handlers/baked-key-set.ts after the pages are uploaded. It reads the public keys
 * (kms:GetPublicKey, never Sign) and the revocations (table read), and may put that one object in the site bucket.
 * It runs again whenever a key is added (the key ids) or the pages change (the uploaded sources), so the file is
 * never older than the deployment; the page upload leaves it in place (web-deployment.ts excludes it from pruning).
 * A key revoked between deployments (by the API or the command line) must reach phones that only have this file,
 * so a schedule also rewrites it every few minutes: the revocation is in the table, and the writer reads it there.
 */
import { CustomResource, Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { BAKED_JWKS_FILE } from '../../shared/star-mark/baked-jwks';
import { RESERVED_CONCURRENCY } from '../figures';
import { deadLetterQueue } from './encrypted-topic';
import type { LogArchive } from './log-archive';
import type { SigningKeys } from './signing-keys';
import { StarmarkFunction } from './starmark-function';
import type { StarmarkTable } from './starmark-table';
import type { WebDeployment } from './web-deployment';

/** How soon a revocation between deployments is in the key set shipped with the page. */
export const BAKED_KEY_SET_RATE = Duration.minutes(5);

export interface BakedKeySetProps {
  readonly table: StarmarkTable;
  readonly siteBucket: IBucket;
  readonly deployment: WebDeployment;
  /** Every key set the published JWKS holds, with the variable that names it (SIGNING_KEY_IDS …). */
  readonly keySets: Record<string, SigningKeys>;
  readonly environment: Record<string, string>;
  readonly projectRoot: string;
  readonly handlersDir: string;
  readonly logs: LogArchive;
}

export class BakedKeySet extends Construct {
  readonly writer: StarmarkFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: BakedKeySetProps) {
    super(scope, id);
    const keyIds = Object.fromEntries(Object.entries(props.keySets).map(([name, set]) => [name, set.keyIds]));
    this.writer = new StarmarkFunction(this, 'Writer', {
      projectRoot: props.projectRoot,
      logs: props.logs,
      name: 'baked-key-set',
      entry: `${props.handlersDir}/baked-key-set.ts`,
      description: 'starmark deploy step: writes /jwks.json (public keys only) beside the pages',
      table: { construct: props.table, access: 'read' },
      reservedConcurrency: RESERVED_CONCURRENCY.bakedKeySet,
      timeout: Duration.minutes(1),
      environment: { ...props.environment, ...keyIds, [DEPLOYMENT_ENV.siteBucket]: props.siteBucket.bucketName },
    });
    for (const set of Object.values(props.keySets)) set.grantPublicKey([this.writer.role]);
    this.writer.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:PutObject'], resources: [props.siteBucket.arnForObjects(BAKED_JWKS_FILE)] }),
    );
    const resource = new CustomResource(this, 'File', {
      serviceToken: this.writer.fn.functionArn,
      resourceType: 'Custom::BakedKeySet',
      properties: { keyIds, pages: props.deployment.sourceObjectKeys },
    });
    resource.node.addDependency(props.deployment);
    this.deadLetters = deadLetterQueue(this, 'ScheduleDeadLetters', 'the key-set rewrite schedule');
    new Rule(this, 'Schedule', {
      description: 'Rewrites /jwks.json every five minutes, so a revocation between deployments is in it',
      schedule: Schedule.rate(BAKED_KEY_SET_RATE),
      // No retry: the next run is the retry; a run that fails lands here and in the function's error alarm.
      targets: [new LambdaFunction(this.writer.fn, { retryAttempts: 0, deadLetterQueue: this.deadLetters })],
    });
  }
}
