/**
 * Creates the table from the shared definition: the same keys and indexes the CDK stack deploys. A data folder made
 * by an older version is brought up to the definition instead: each index it lacks is added (DynamoDB fills it from
 * the items that carry its keys), the cases written before an index existed are given its key attributes, and the
 * data upgrades it has not had yet (DATA_UPGRADES) are made once, each remembered by an item of its own.
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
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  paginateScan,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Application } from '../../shared/model';
import { organizationTermItems } from '../../shared/organizations/name-terms';
import { applicationIndexAttributes, eventStreamOf, keys } from '../../shared/store/keys';
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
    if (missing.length > 0) await addIndexes(client, tableName, missing);
    const upgraded = await upgradeData(DynamoDBDocumentClient.from(client), tableName);
    return missing.length > 0 || upgraded ? 'upgraded' : 'existing';
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
  // A new table stays empty (a restore loads only into an empty one): its upgrades are noted at the first start
  // that finds items in it, when they find little or nothing to do.
  return 'created';
}

type DataUpgrade = (db: DynamoDBDocumentClient, tableName: string) => Promise<void>;

/** Data an older version did not write, made for the items it wrote; each name is done once per table. */
const DATA_UPGRADES: Record<string, DataUpgrade> = {
  'organization-name-terms': backfillOrganizationTerms,
  'matter-event-expiry': giveMatterEventsTheirExpiry,
};

/** The data upgrades a table has not had yet (`npm run backfill-indexes` runs them on a table in AWS too). */
export async function upgradeData(db: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  // An empty table holds nothing an older version wrote, and is left empty: a restore loads only into an empty
  // table, and a command that only reads (an import's dry run) writes nothing.
  const sample = await db.send(new ScanCommand({ TableName: tableName, Limit: 1 }));
  if (!sample.Items?.length) return false;
  let any = false;
  for (const [name, upgrade] of Object.entries(DATA_UPGRADES)) {
    const done = await db.send(new GetCommand({ TableName: tableName, Key: keys.tableUpgrade(name) }));
    if (done.Item) continue;
    await upgrade(db, tableName);
    await markUpgraded(db, tableName, name);
    any = true;
  }
  return any;
}

async function markUpgraded(db: DynamoDBDocumentClient, tableName: string, name: string) {
  await db.send(
    new PutCommand({ TableName: tableName, Item: { ...keys.tableUpgrade(name), entity: 'table-upgrade' } }),
  );
}

/** The organizations' name index (shared/organizations/name-terms.ts) for the records written before it existed. */
async function backfillOrganizationTerms(db: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const pages = paginateScan(
    { client: db },
    {
      TableName: tableName,
      FilterExpression: '#entity = :organization',
      ExpressionAttributeNames: { '#entity': 'entity' },
      ExpressionAttributeValues: { ':organization': 'organization' },
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      const record = item as { creditCode: string; name: string; nameEn?: string };
      // Key items only, put as they would be written: putting one twice changes nothing.
      for (const term of organizationTermItems(record))
        await db.send(new PutCommand({ TableName: tableName, Item: term }));
    }
  }
}

/**
 * A matter's events written before they carried its expiry get the matter's: otherwise the table would drop the
 * matter at the end of its retention period and keep its trail, events without their matter. Each update only adds
 * the attribute to an event that lacks it (the event itself, what is hashed, is not touched).
 */
async function giveMatterEventsTheirExpiry(db: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const matters = paginateScan(
    { client: db },
    {
      TableName: tableName,
      FilterExpression: '#entity = :matter AND attribute_exists(#ttl)',
      ExpressionAttributeNames: { '#entity': 'entity', '#ttl': TABLE.timeToLiveAttribute },
      ExpressionAttributeValues: { ':matter': 'matter' },
    },
  );
  for await (const page of matters)
    for (const matter of page.Items ?? []) {
      const pk = keys.eventStream(eventStreamOf('matter', String(matter.id)));
      const events = paginateQuery(
        { client: db },
        {
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk',
          FilterExpression: 'attribute_not_exists(#ttl)',
          ExpressionAttributeNames: { '#pk': 'pk', '#ttl': TABLE.timeToLiveAttribute },
          ExpressionAttributeValues: { ':pk': pk },
        },
      );
      for await (const found of events)
        for (const event of found.Items ?? [])
          await db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { pk: event.pk, sk: event.sk },
              UpdateExpression: 'SET #ttl = :expiresAt',
              ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#ttl)',
              ExpressionAttributeNames: { '#pk': 'pk', '#ttl': TABLE.timeToLiveAttribute },
              ExpressionAttributeValues: { ':expiresAt': matter[TABLE.timeToLiveAttribute] },
            }),
          );
    }
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
