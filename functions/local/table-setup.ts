/**
 * Creates the table from the shared definition: the same keys and indexes the CDK stack deploys. A data folder made
 * by an older version is brought up to the definition instead: each index it lacks is added (DynamoDB fills it from
 * the items that carry its keys), and the cases written before an index existed are given its key attributes.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Application } from '../../shared/model';
import { applicationIndexAttributes } from '../../shared/store/keys';
import { keyAttributes, TABLE } from '../../shared/table';

const attributeDefinitions = (names: readonly string[]) =>
  names.map((name) => ({ AttributeName: name, AttributeType: 'S' as const }));

function indexDefinition(index: (typeof TABLE.indexes)[number]): GlobalSecondaryIndex {
  return {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' },
      { AttributeName: index.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  };
}

export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<'created' | 'existing' | 'upgraded'> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    const missing = TABLE.indexes.filter((index) => !present.has(index.name));
    if (missing.length === 0) return 'existing';
    await addIndexes(client, tableName, missing);
    return 'upgraded';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: attributeDefinitions(keyAttributes()),
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE.indexes.map(indexDefinition),
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true },
    }),
  );
  return 'created';
}

/** One index per UpdateTable, as DynamoDB takes them; then the cases get the key attributes they lacked. */
async function addIndexes(
  client: DynamoDBClient,
  tableName: string,
  missing: readonly (typeof TABLE.indexes)[number][],
) {
  for (const index of missing) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributeDefinitions([index.partitionKey, index.sortKey]),
        GlobalSecondaryIndexUpdates: [{ Create: indexDefinition(index) }],
      }),
    );
  }
  await untilIndexesActive(client, tableName);
  await backfillApplicationIndexes(DynamoDBDocumentClient.from(client), tableName);
}

/** A new index is read only once DynamoDB has finished filling it: a query of a backfilling index is refused. */
async function untilIndexesActive(client: DynamoDBClient, tableName: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexes = Table?.GlobalSecondaryIndexes ?? [];
    if (Table?.TableStatus === 'ACTIVE' && indexes.every((i) => i.IndexStatus === 'ACTIVE' && !i.Backfilling)) return;
    if (Date.now() > deadline) throw new Error(`the indexes of ${tableName} did not become active in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Each case is given the index attributes the current definition derives from it, conditional on the version read,
 * so a case changed meanwhile (which then carries them already) is left as its change wrote it. Returns how many
 * cases it gave attributes; a second run gives none. In AWS, `npm run backfill-indexes` runs it on the table.
 */
export async function backfillApplicationIndexes(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let updated = 0;
  const pages = paginateScan(
    { client: db },
    {
      TableName: tableName,
      FilterExpression: '#entity = :application',
      ExpressionAttributeNames: { '#entity': 'entity' },
      ExpressionAttributeValues: { ':application': 'application' },
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      const wanted = Object.entries(applicationIndexAttributes(item as Application)).filter(
        ([name, value]) => item[name] !== value,
      );
      if (wanted.length === 0) continue;
      const names = Object.fromEntries(wanted.map(([name], i) => [`#a${i}`, name]));
      const values = Object.fromEntries(wanted.map(([, value], i) => [`:a${i}`, value]));
      await db
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: { [TABLE.partitionKey]: item[TABLE.partitionKey], [TABLE.sortKey]: item[TABLE.sortKey] },
            UpdateExpression: `SET ${wanted.map((_, i) => `#a${i} = :a${i}`).join(', ')}`,
            ConditionExpression: '#version = :version',
            ExpressionAttributeNames: { ...names, '#version': 'version' },
            ExpressionAttributeValues: { ...values, ':version': item.version },
          }),
        )
        .then(
          () => updated++,
          (error: unknown) => {
            if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
          },
        );
    }
  }
  return updated;
}
