/**
 * The reminder topic (surveillance due, renewal due: functions/notify/sns.ts) and the sweep's error alarm, which
 * reports to the same people through the same topic.
 *
 * The topic has its own key rather than the AWS managed alias/aws/sns: CloudWatch alarms cannot publish to a topic
 * encrypted with the managed key (its key policy admits only callers going through SNS from the account).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type IGrantable, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export class Reminders extends Construct {
  readonly topic: Topic;
  private readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the starmark reminder topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey');
    this.topic = new Topic(this, 'Topic', {
      displayName: 'starmark reminders',
      masterKey: this.key,
      enforceSSL: true,
    });
  }

  /**
   * Publish, and the two key actions SNS needs from a publisher of an encrypted topic. Not topic.grantPublish():
   * that grants `kms:GenerateDataKey*`, a wildcard for no benefit.
   */
  grantPublish(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sns:Publish'], resources: [this.topic.topicArn] }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [this.key.keyArn] }),
    );
  }

  /** Any failed invocation in a day raises the alarm: the sweep runs once a day and retries itself. */
  alarmOnErrors(id: string, fn: IFunction, description: string): void {
    const alarm = fn.metricErrors({ period: Duration.days(1) }).createAlarm(this, id, {
      alarmDescription: description,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
  }
}
