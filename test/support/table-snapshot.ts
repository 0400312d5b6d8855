/** The whole table as one string: tests compare it before and after a refused request to prove nothing was written. */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local';
import { documentClient } from '../../functions/store/dynamo-client';

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

export async function tableSnapshot(endpoint: string, table = 'starmark'): Promise<string> {
  const items = await scanAll(endpoint, table);
  return JSON.stringify(items.map((i) => JSON.stringify(i, Object.keys(i).sort())).sort());
}
