/**
 * The floor a public read is compared with: the same GetItem the store makes for it (consistent read of one
 * certificate), sent straight to DynamoDB Local from this process, `connections` at a time for the same duration.
 * Whatever the gateway, the handler and JSON add on top shows as the ratio of the two.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_AWS } from '../functions/local/dynamodb-local';
import { documentClient } from '../functions/store/dynamo-client';

export interface LoadResult {
  throughput: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

export async function getItemLoop(options: {
  endpoint: string;
  table: string;
  key: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  // The client exactly as the store configures it (same socket pool), so the two sides differ only by the API.
  const db = documentClient({ endpoint: options.endpoint, ...LOCAL_AWS });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      try {
        const out = await db.send(new GetCommand({ TableName: options.table, Key: options.key, ConsistentRead: true }));
        if (!out.Item) errors++;
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  db.destroy();
  latencies.sort((a, b) => a - b);
  return {
    throughput: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    requests: latencies.length,
    errors,
  };
}
