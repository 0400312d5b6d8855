/**
 * What the operators see: every alarm of the stack on one topic, and one dashboard. Thresholds come from
 * figures.ts ALARMS. Alarms treat missing data as fine except the sweep's, for which silence is the failure.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITable, Operation } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  KMS_FAILURE_METRIC,
  LOG_MONITOR_FAILED_METRIC,
  METRICS_NAMESPACE,
  SWEEP_COMPLETED_METRIC,
} from '../../shared/deployment-env';
import { ALARMS } from '../figures';
import type { EncryptedTopic } from './encrypted-topic';

const period = Duration.minutes(ALARMS.periodMinutes);
/** The metric the access-log filter counts: requests the API answered 429 (stage or route throttling). */
export const API_429_METRIC = 'Api429';
/** The operations the functions call (an alarm's math may hold at most 10 metrics). */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

export class Monitoring extends Construct {
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: { topic: EncryptedTopic }) {
    super(scope, id);
    props.topic.allowAlarms();
    this.action = new SnsAction(props.topic.topic);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-operations`,
      defaultInterval: Duration.days(1),
    });
  }

  private alarm(id: string, metric: IMetric, description: string, options: Partial<AlarmOptions> = {}): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      alarmDescription: description,
      threshold: options.threshold ?? 1,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      datapointsToAlarm: options.evaluationPeriods ?? 1,
      comparisonOperator: options.comparisonOperator ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: options.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  /** Errors and throttles of one function, and the KMS failures it reports when it signs or reads keys. */
  watchFunction(name: string, fn: IFunction, options: { usesKms: boolean }): void {
    this.alarm(`${name}Errors`, fn.metricErrors({ period, statistic: 'Sum' }), `${name}: failed invocations`, {
      threshold: ALARMS.functionErrors,
    });
    this.alarm(`${name}Throttles`, fn.metricThrottles({ period, statistic: 'Sum' }), `${name}: throttled invocations`, {
      threshold: ALARMS.functionThrottles,
    });
    if (options.usesKms) {
      this.alarm(
        `${name}KmsFailures`,
        new Metric({
          namespace: METRICS_NAMESPACE,
          metricName: KMS_FAILURE_METRIC,
          dimensionsMap: { service: name },
          period,
          statistic: 'Sum',
        }),
        `${name}: KMS calls failed (signing or reading a public key)`,
        { threshold: ALARMS.kmsFailures },
      );
    }
    this.dashboard.addWidgets(
      new GraphWidget({
        title: `${name} function`,
        left: [fn.metricInvocations({ period }), fn.metricErrors({ period }), fn.metricThrottles({ period })],
        right: [fn.metricDuration({ period, statistic: 'p99' })],
        width: 12,
      }),
    );
  }

  /** 5xx and 429 as shares of all requests, once there are enough requests for a share to mean something. */
  watchApi(api: IHttpApi, accessLogs: ILogGroup): void {
    const throttled = new MetricFilter(this, 'Api429Filter', {
      logGroup: accessLogs,
      filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
      metricNamespace: METRICS_NAMESPACE,
      metricName: API_429_METRIC,
      metricValue: '1',
      defaultValue: 0,
    }).metric({ period, statistic: 'Sum' });
    const count = api.metricCount({ period, statistic: 'Sum' });
    const serverErrors = api.metricServerError({ period, statistic: 'Sum' });
    const rate = (metric: IMetric, label: string) =>
      new MathExpression({
        expression: `IF(count >= ${ALARMS.apiRateMinimumRequests}, 100 * FILL(m, 0) / count, 0)`,
        usingMetrics: { m: metric, count },
        label,
        period,
      });
    this.alarm('Api5xxRate', rate(serverErrors, '5xx %'), 'API: share of requests answered 5xx', {
      threshold: ALARMS.api5xxPercent,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    this.alarm('Api429Rate', rate(throttled, '429 %'), 'API: share of requests throttled (429)', {
      threshold: ALARMS.api429Percent,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests',
        left: [count, api.metricClientError({ period, statistic: 'Sum' }), serverErrors, throttled],
        right: [api.metricLatency({ period, statistic: 'p99' })],
        width: 24,
      }),
    );
  }

  watchTable(table: ITable): void {
    const throttles = table.metricThrottledRequestsForOperations({ operations: TABLE_OPERATIONS, period });
    const systemErrors = table.metricSystemErrorsForOperations({ operations: TABLE_OPERATIONS, period });
    this.alarm('TableThrottles', throttles, 'DynamoDB: throttled requests', { threshold: ALARMS.tableThrottles });
    this.alarm('TableSystemErrors', systemErrors, 'DynamoDB: system errors', { threshold: ALARMS.tableSystemErrors });
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'DynamoDB throttled requests', left: [throttles], width: 8 }),
      new GraphWidget({ title: 'DynamoDB system errors', left: [systemErrors], width: 8 }),
      new GraphWidget({
        title: 'DynamoDB consumed capacity',
        left: [table.metricConsumedReadCapacityUnits({ period }), table.metricConsumedWriteCapacityUnits({ period })],
        width: 8,
      }),
    );
  }

  /**
   * The sweep reports each completed run (SWEEP_COMPLETED_METRIC). Hourly periods with no report count as
   * breaching, so the alarm fires once ALARMS.sweepSilenceHours hours in a row have passed without a completed run,
   * whether the schedule never fired, the function failed, or it was never deployed right.
   */
  watchSweep(): void {
    this.alarm(
      'SweepSilent',
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: SWEEP_COMPLETED_METRIC,
        dimensionsMap: { service: 'sweep' },
        period: Duration.hours(1),
        statistic: 'Sum',
      }),
      `The daily sweep has not completed in ${ALARMS.sweepSilenceHours} hours`,
      {
        evaluationPeriods: ALARMS.sweepSilenceHours,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        threshold: 1,
        treatMissingData: TreatMissingData.BREACHING,
      },
    );
  }

  /**
   * The sweep runs the transparency-log monitor daily and counts LOG_MONITOR_FAILED_METRIC: 1 when the published log
   * contradicts itself, the checkpoint the run before verified, or the public records (or the monitor could not
   * run), 0 on a clean run. Over a day's period, so that one failed run keeps the alarm raised until the next run.
   */
  watchLogMonitor(): void {
    this.alarm(
      'LogMonitorFailed',
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: LOG_MONITOR_FAILED_METRIC,
        dimensionsMap: { service: 'sweep' },
        period: Duration.days(1),
        statistic: 'Maximum',
      }),
      'The transparency-log monitor found the published log forked, rewritten, badly signed or not explaining a ' +
        'public record (the sweep log has the findings)',
      { threshold: ALARMS.logMonitorFailures },
    );
  }

  /** Any message in a dead-letter queue is something that was not delivered or not run. */
  watchDeadLetters(name: string, queue: IQueue): void {
    const visible = queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' });
    this.alarm(`${name}DeadLetters`, visible, `${name}: messages in the dead-letter queue`, {
      threshold: ALARMS.deadLetterMessages,
    });
    this.dashboard.addWidgets(new GraphWidget({ title: `${name} dead letters`, left: [visible], width: 8 }));
  }

  /** The alarm overview goes last, once every alarm exists. */
  finish(): void {
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }));
  }
}

interface AlarmOptions {
  threshold: number;
  evaluationPeriods: number;
  comparisonOperator: ComparisonOperator;
  treatMissingData: TreatMissingData;
}
