/** The whole table as one string: tests compare it before and after a refused request to prove nothing was written. */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local';
import { documentClient } from '../../functions/store/dynamo-client';
import { apiKeyKeys } from '../../shared/api-keys';

/** Every item of the table; a scan is fine here, in tests only. */
export async function scanAll(endpoint: string, table = 'starmark'): Promise<Record<string, unknown>[]> {
  const db = documentClient({ endpoint, ...LOCAL_AWS });
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A key's usage counters: a refused request is still counted against its holder's rate, by design. */
const USAGE = apiKeyKeys.usage('', '').pk.split('#')[0];

export async function tableSnapshot(endpoint: string, table = 'starmark'): Promise<string> {
  const items = (await scanAll(endpoint, table)).filter((i) => !String(i.pk).startsWith(`${USAGE}#`));
  return JSON.stringify(items.map((i) => JSON.stringify(i, Object.keys(i).sort())).sort());
}

/**
 * A request that must be refused: its problem+json answer, with proof that the whole table is as it was before.
 * `system` is the file's test system (only its DynamoDB Local endpoint is read).
 */
export async function refusedWithoutWrites<T extends { headers: Headers }>(
  system: { dynamo: { endpoint: string } },
  call: () => Promise<T>,
): Promise<T> {
  const before = await tableSnapshot(system.dynamo.endpoint);
  const res = await call();
  expect(await tableSnapshot(system.dynamo.endpoint)).toBe(before);
  expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  return res;
}

/** The same, named as the rules' tests name a refusal: "<status> <code>". */
export async function refusalOf(
  system: { dynamo: { endpoint: string } },
  call: () => Promise<{ headers: Headers; status: number; body?: { code?: string } }>,
): Promise<string> {
  const res = await refusedWithoutWrites(system, call);
  return `${res.status} ${res.body?.code}`;
}
