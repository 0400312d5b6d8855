/**
 * The webhooks in AWS: the worker function (functions/handlers/webhooks.ts), run every minute by an EventBridge
 * schedule whose undeliverable invocations go to a dead-letter queue. The transparency log is its outbox, so it
 * needs the table only, and of the table only the webhook items and the log's entries (StarmarkTable
 * grantWebhookWork) and the outbox records of the e-mails it sent; it sends to the internet (no VPC: the sender
 * checks each address it resolves). Given a sender address, it may send e-mail by SES from that address alone;
 * given the staff user pool, it may look a certificate holder's address up there (ListUsers, on that pool alone).
 */
import { Duration } from 'aws-cdk-lib';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { RESERVED_CONCURRENCY } from '../figures';
import { deadLetterQueue } from './encrypted-topic';
import type { LogArchive } from './log-archive';
import { grantSendEmail } from './send-email';
import { StarmarkFunction } from './starmark-function';
import type { StarmarkTable } from './starmark-table';

/** A change reaches its subscribers within about this long (plus one run). */
export const WEBHOOK_RATE = Duration.minutes(1);

export interface WebhookWorkerProps {
  readonly table: StarmarkTable;
  readonly logLevel: string;
  readonly projectRoot: string;
  readonly handlersDir: string;
  readonly logs: LogArchive;
  /** The From address of watchlist e-mails (its address or its domain verified in SES); none: e-mails wait. */
  readonly emailFrom?: string;
  /** Where a holder's e-mail links to: the certificate's page on the public site. */
  readonly publicBaseUrl: string;
  /** The user pool holders sign in with: their addresses are looked up there. None (an OIDC issuer): none sent. */
  readonly userPool?: UserPool;
}

export class WebhookWorker extends Construct {
  readonly worker: StarmarkFunction;
  /** Invocations the schedule could not deliver: watched by an alarm like every other dead-letter queue. */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: WebhookWorkerProps) {
    super(scope, id);
    this.worker = new StarmarkFunction(this, 'Worker', {
      projectRoot: props.projectRoot,
      logs: props.logs,
      name: 'webhooks',
      entry: `${props.handlersDir}/webhooks.ts`,
      description: 'starmark webhooks: new log entries into deliveries, due deliveries signed and sent',
      reservedConcurrency: RESERVED_CONCURRENCY.webhooks,
      // Sends stop starting after 40 s and each has 10 s: the rest is the fan-out's and the writes' margin.
      timeout: Duration.seconds(90),
      // The table's name, the log level, the public site (holders' links) and the pool: nothing else.
      environment: {
        [DEPLOYMENT_ENV.tableName]: props.table.table.tableName,
        [DEPLOYMENT_ENV.logLevel]: props.logLevel,
        [DEPLOYMENT_ENV.publicBaseUrl]: props.publicBaseUrl,
        ...(props.userPool ? { [DEPLOYMENT_ENV.userPoolId]: props.userPool.userPoolId } : {}),
        ...(props.emailFrom ? { [DEPLOYMENT_ENV.notifyEmailFrom]: props.emailFrom } : {}),
      },
    });
    props.table.grantWebhookWork(this.worker.role);
    props.table.denyHistoryRewrites(this.worker.role);
    if (props.emailFrom) grantSendEmail(this.worker.role, props.emailFrom, 'SendWatchlistEmail');
    // A holder's address, found by their sub: one filtered ListUsers call, on this pool alone.
    props.userPool?.grant(this.worker.role, 'cognito-idp:ListUsers');
    this.deadLetters = deadLetterQueue(this, 'ScheduleDeadLetters', 'the webhook delivery schedule');
    new Rule(this, 'Schedule', {
      description: 'Fans new transparency-log entries out to webhook deliveries and sends those due, every minute',
      schedule: Schedule.rate(WEBHOOK_RATE),
      // No retry: the next minute's run is the retry, and what was not sent is still due then.
      targets: [new LambdaFunction(this.worker.fn, { retryAttempts: 0, deadLetterQueue: this.deadLetters })],
    });
  }
}
