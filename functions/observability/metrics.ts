/**
 * Custom metrics as CloudWatch embedded metric format: one JSON log line that CloudWatch turns into a metric, no
 * API call and no permission needed. The alarms on them are in infra/constructs/monitoring.ts; the names in
 * shared/deployment-env.ts. Outside Lambda (tests, the local runtime) nothing is written.
 */
import { DEPLOYMENT_ENV, METRICS_NAMESPACE } from '../../shared/deployment-env';

export function countMetric(name: string, value = 1, env: NodeJS.ProcessEnv = process.env): void {
  const service = env[DEPLOYMENT_ENV.serviceName];
  if (!env.AWS_LAMBDA_FUNCTION_NAME || !service) return;
  const line = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: env[DEPLOYMENT_ENV.metricsNamespace] ?? METRICS_NAMESPACE,
          Dimensions: [['service']],
          Metrics: [{ Name: name, Unit: 'Count' }],
        },
      ],
    },
    service,
    [name]: value,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
