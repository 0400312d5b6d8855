/**
 * AWS Backup for the table, beside point-in-time recovery: a daily recovery point in a vault of its own (which can
 * be locked, so that nobody, however privileged, deletes a recovery point early), copied to a vault in another
 * region or account when one is configured. The restore drill is in DEPLOY.md.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { BACKUP } from '../figures';

export class TableBackup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: { table: ITable; copyVaultArn?: string; lock: boolean }) {
    super(scope, id);
    this.vault = new BackupVault(this, 'Vault', {
      removalPolicy: RemovalPolicy.RETAIN,
      ...(props.lock ? { lockConfiguration: { minRetention: Duration.days(BACKUP.lockMinimumRetentionDays) } } : {}),
    });
    const copy = props.copyVaultArn ? BackupVault.fromBackupVaultArn(this, 'CopyVault', props.copyVaultArn) : undefined;
    this.plan = new BackupPlan(this, 'Plan', { backupVault: this.vault });
    this.plan.addRule(
      new BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: Schedule.cron(BACKUP.scheduleUtc),
        deleteAfter: Duration.days(BACKUP.retentionDays),
        ...(copy
          ? { copyActions: [{ destinationBackupVault: copy, deleteAfter: Duration.days(BACKUP.copyRetentionDays) }] }
          : {}),
      }),
    );
    const selection = this.plan.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(props.table)] });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        "AWS Backup's own service-role policy, the documented way to let the service create recovery points; " +
        'the selection limits it to the table.',
    });
  }
}
