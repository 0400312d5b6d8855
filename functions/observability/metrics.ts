/**
 * Custom metrics, as CloudWatch embedded metric format through Powertools: one JSON log line that CloudWatch turns
 * into a metric, no API call and no permission needed. The alarms on them are in infra/constructs/monitoring.ts; the
 * names in shared/deployment-env.ts. Outside Lambda (tests, the local runtime) nothing is written.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** The functions' one Metrics instance (namespace and service from the POWERTOOLS_* variables the stack sets). */
export const metrics = new Metrics();

/** Written at once (a single-metric line), so it is not lost if the invocation then fails. */
export function countMetric(name: string, value = 1, env: NodeJS.ProcessEnv = process.env): void {
  if (!env.AWS_LAMBDA_FUNCTION_NAME) return;
  metrics.singleMetric().addMetric(name, MetricUnit.Count, value);
}
