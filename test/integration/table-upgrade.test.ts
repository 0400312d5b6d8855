/**
 * A data folder made by an older version: its table lacks an index the definition now has (the evaluators' queue,
 * gsi4) and its cases lack that index's key attributes. Starting up adds the index and gives each case the
 * attributes, so the queue reads the old cases as it reads new ones. In AWS the stack adds the index and
 * `npm run backfill-indexes` gives the cases their attributes: the same function, on a table that has the index.
 */
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local';
import { backfillApplicationIndexes, ensureTable } from '../../functions/local/table-setup';
import { organizationTermItems } from '../../shared/organizations/name-terms';
import { applicationIndexAttributes, indexKeys, keys } from '../../shared/store/keys';
import { TABLE } from '../../shared/table';
import { useTestSystem } from '../support/local-system';
import { applicationIn } from '../unit/lifecycle/fixtures';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const OLD = 'before-gsi4';
let client: DynamoDBClient;
let db: DynamoDBDocumentClient;

beforeAll(async () => {
  client = new DynamoDBClient({ endpoint: sys.dynamo.endpoint, ...LOCAL_AWS });
  db = DynamoDBDocumentClient.from(client);
  const older = TABLE.indexes.filter((index) => index.name !== 'gsi4');
  const names = new Set([TABLE.partitionKey, TABLE.sortKey, ...older.flatMap((i) => [i.partitionKey, i.sortKey])]);
  await client.send(
    new CreateTableCommand({
      TableName: OLD,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...names].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: older.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
});
afterAll(() => client?.destroy());

/** A case as an older version wrote it: accepted, evaluated by evaluator-li, without the evaluators' queue keys. */
async function putCaseWithoutGsi4(tableName: string) {
  const application = { ...applicationIn('accepted'), evaluatorSub: 'evaluator-li' };
  const { gsi4pk: _pk, gsi4sk: _sk, ...olderAttributes } = applicationIndexAttributes(application);
  const item = { ...keys.application(application.id), entity: 'application', ...olderAttributes, ...application };
  await db.send(new PutCommand({ TableName: tableName, Item: item }));
  return application;
}

async function evaluatorsQueue(tableName: string) {
  const queue = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi4',
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': 'gsi4pk' },
      ExpressionAttributeValues: { ':pk': indexKeys.applicationsByEvaluatorInState('evaluator-li', 'accepted') },
    }),
  );
  return queue.Items?.map((i) => i.id);
}

describe('a table made before an index existed', () => {
  it('gets the index, and its old cases the index attributes, at start-up', async () => {
    const application = await putCaseWithoutGsi4(OLD);

    expect(await ensureTable(client, OLD)).toBe('upgraded');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: OLD }));
    expect((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort()).toEqual(
      TABLE.indexes.map((i) => i.name).sort(),
    );
    expect(await evaluatorsQueue(OLD)).toEqual([application.id]);
    expect(await ensureTable(client, OLD)).toBe('existing');
  });

  it('gives the cases of a table that has the index their attributes when the backfill runs, and only once', async () => {
    expect(await ensureTable(client, 'deployed')).toBe('created');
    const application = await putCaseWithoutGsi4('deployed');
    expect(await evaluatorsQueue('deployed')).toEqual([]);
    expect(await backfillApplicationIndexes(db, 'deployed')).toBe(1);
    expect(await evaluatorsQueue('deployed')).toEqual([application.id]);
    expect(await backfillApplicationIndexes(db, 'deployed')).toBe(0);
  });
});

describe('a table made before the organizations had a name index', () => {
  it('indexes the names of its organization records once, at start-up', async () => {
    const table = 'before-org-terms';
    expect(await ensureTable(client, table)).toBe('created');
    // What the older version left: a record, no index items, no note of the upgrade.
    const record = { creditCode: '91350100M000100Y43', name: '福州旧数据家电服务有限公司', nameEn: 'Old Data Co' };
    await db.send(
      new PutCommand({
        TableName: table,
        Item: { ...keys.organization(record.creditCode), entity: 'organization', ...record },
      }),
    );

    expect(await ensureTable(client, table)).toBe('upgraded');
    const wanted = organizationTermItems(record);
    expect(wanted.length).toBeGreaterThan(10);
    for (const term of wanted) {
      const found = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: '#pk = :pk AND #sk = :sk',
          ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
          ExpressionAttributeValues: { ':pk': term.pk, ':sk': term.sk },
        }),
      );
      expect(found.Items?.map((i) => i.creditCode)).toEqual([record.creditCode]);
    }
    expect(await ensureTable(client, table)).toBe('existing');
  });
});
