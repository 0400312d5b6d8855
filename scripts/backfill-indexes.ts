/**
 * `npm run backfill-indexes -- [--data .data | --table <name> [--region <region>]]`: gives every case the index
 * attributes the table definition now derives from it. A deployment that adds an index (the evaluators' queue,
 * gsi4) makes DynamoDB index only the items that carry its keys, so cases written before it stay out of the new
 * queue until this has run; each update is conditional on the case's version, and a second run changes nothing.
 * Then it makes the data upgrades the table has not had (upgradeData: the organizations' name index, the matters'
 * expiry on their audit events). `npm start` does the same for a local data folder by itself.
 */
import { parseArgs } from 'node:util';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { backfillApplicationIndexes, upgradeData } from '../functions/local/table-setup';
import { openTable } from './registry-archive/open';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, table: { type: 'string' }, region: { type: 'string' } },
  });
  const table = await openTable('npm run backfill-indexes', values);
  try {
    const db = DynamoDBDocumentClient.from(table.client);
    const updated = await backfillApplicationIndexes(db, table.tableName);
    process.stdout.write(`Gave ${updated} cases the index attributes they lacked, in ${table.source}\n`);
    const upgraded = await upgradeData(db, table.tableName);
    process.stdout.write(upgraded ? 'Made the data upgrades the table had not had\n' : 'No data upgrade to make\n');
  } finally {
    await table.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`backfill-indexes failed: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
