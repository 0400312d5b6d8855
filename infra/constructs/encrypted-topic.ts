/**
 * An SNS topic encrypted with a key of its own (CloudWatch alarms cannot publish to a topic under the AWS managed
 * alias/aws/sns), whose e-mail subscriptions are made by the stack with a dead-letter queue: a message SNS could not
 * deliver lands there, and an alarm watches the queue.
 */
import { Arn, ArnFormat, Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { type IRole, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { administeredKey, allowUse, type KeyAdministrators } from './key-policy';

/** A queue that only ever receives what could not be delivered; kept 14 days (SQS's longest) to be looked at. */
export function deadLetterQueue(scope: Construct, id: string, purpose: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    removalPolicy: RemovalPolicy.DESTROY,
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is itself the dead-letter queue of ${purpose}; an alarm fires on any message in it.`,
  });
  return queue;
}

export class EncryptedTopic extends Construct {
  readonly topic: Topic;
  readonly key: Key;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: { displayName: string; admins: KeyAdministrators }) {
    super(scope, id);
    this.key = administeredKey(this, 'Key', props.admins, {
      description: `Encrypts the SNS topic "${props.displayName}"`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.topic = new Topic(this, 'Topic', { displayName: props.displayName, masterKey: this.key, enforceSSL: true });
    this.deadLetters = deadLetterQueue(this, 'DeadLetters', `the ${props.displayName} subscriptions`);
  }

  /** Publish, and the two key actions SNS needs from a publisher of an encrypted topic (never `GenerateDataKey*`). */
  grantPublish(roles: IRole[]): void {
    for (const role of roles) {
      role.addToPrincipalPolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: [this.topic.topicArn] }));
    }
    allowUse(this.key, 'Publishers', roles, ['kms:GenerateDataKey', 'kms:Decrypt']);
  }

  /** CloudWatch alarms of this account may publish (the key use is bound to alarms of this account and region). */
  allowAlarms(): void {
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisAccount',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: {
            'aws:SourceArn': Arn.format(
              { service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME },
              Stack.of(this),
            ),
          },
        },
      }),
    );
  }

  subscribeEmail(address: string): void {
    this.topic.addSubscription(new EmailSubscription(address, { deadLetterQueue: this.deadLetters }));
  }
}
