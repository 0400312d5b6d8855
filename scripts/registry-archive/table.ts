/**
 * The table an export is read from or loaded into, in DynamoDB Local (a data folder) or in AWS: the same code, the
 * SDK, either way. Reads are consistent scans (a backup tool may scan; the functions never do).
 */
import { BatchWriteItemCommand, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { RawItem } from './format';

export interface RegistryTable {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** For the manifest and the messages: where the table is. */
  readonly source: string;
}

export async function scanTable(table: RegistryTable, limit?: number): Promise<RawItem[]> {
  const items: RawItem[] = [];
  let start: RawItem | undefined;
  do {
    const out = await table.client.send(
      new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: start, ConsistentRead: true, Limit: limit }),
    );
    items.push(...((out.Items ?? []) as RawItem[]));
    start = out.LastEvaluatedKey as RawItem | undefined;
    if (limit !== undefined && items.length >= limit) break;
  } while (start);
  return items;
}

const BATCH = 25;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Puts every item, 25 to a request, sending back whatever DynamoDB left unprocessed until none is left. */
export async function putAll(table: RegistryTable, items: readonly RawItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    let requests = items.slice(i, i + BATCH).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 10) throw new Error(`DynamoDB kept ${requests.length} items unprocessed; try again later`);
      if (attempt > 0) await pause(Math.min(2000, 50 * 2 ** attempt));
      const out = await table.client.send(new BatchWriteItemCommand({ RequestItems: { [table.tableName]: requests } }));
      requests = (out.UnprocessedItems?.[table.tableName] ?? []) as typeof requests;
    }
  }
}
