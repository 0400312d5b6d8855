/**
 * Powertools in the functions (functions/observability): inside an invocation every log line of the code carries
 * the request id and the cold-start flag, and custom metrics come out as EMF in the starmark namespace with the
 * function's service dimension. Run in-process with the variables Lambda and the stack set.
 */

import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const lines: Record<string, any>[] = [];
beforeAll(() => {
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'starmark-sweep');
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'sweep');
  vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'starmark');
  vi.stubEnv('LOG_LEVEL', 'info');
  const capture = (chunk: unknown) => {
    for (const text of String(chunk).split('\n').filter(Boolean)) {
      try {
        lines.push(JSON.parse(text));
      } catch {
        // not a JSON line
      }
    }
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture as never);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture as never);
});
afterAll(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const context = (requestId: string) =>
  ({
    awsRequestId: requestId,
    functionName: 'starmark-sweep',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:cn-north-1:123456789012:function:starmark-sweep',
    memoryLimitInMB: '512',
    getRemainingTimeInMillis: () => 1000,
  }) as unknown as Context;

describe('an instrumented function', () => {
  it('logs with the request id and cold start, and writes its metrics as EMF', async () => {
    const { instrumented } = await import('../../functions/observability/powertools');
    const { countMetric } = await import('../../functions/observability/metrics');
    const { log } = await import('../../functions/http/log');
    const handler = instrumented(async (n: number) => {
      log.info('working', { n });
      countMetric('SweepCompleted');
      return n + 1;
    });
    expect(await handler(1, context('req-1'))).toBe(2);
    expect(await handler(2, context('req-2'))).toBe(3);

    const working = lines.filter((l) => l.message === 'working');
    expect(working.map((l) => [l.function_request_id, l.cold_start, l.n, l.service])).toEqual([
      ['req-1', true, 1, 'sweep'],
      ['req-2', false, 2, 'sweep'],
    ]);
    const emf = lines.filter((l) => l._aws && 'SweepCompleted' in l);
    expect(emf).toHaveLength(2);
    expect(emf[0]?._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'starmark',
      Dimensions: [['service']],
      Metrics: [{ Name: 'SweepCompleted', Unit: 'Count' }],
    });
    expect(emf[0]?.service).toBe('sweep');
    expect(lines.some((l) => l._aws && 'ColdStart' in l)).toBe(true);
  });
});
