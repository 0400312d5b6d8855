/**
 * `npm run upgrade-table -- --table <name> [--region <region>]` (or `--data .data`): gives a table deployed by an
 * older version the data that version did not write (functions/local/table-setup.ts, DATA_UPGRADES), each once; the
 * indexes themselves are the stack's. A local data folder is upgraded by `npm start` on its own.
 */
import { parseArgs } from 'node:util';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { upgradeData } from '../functions/local/table-setup';
import { openTable } from './registry-archive/open';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, table: { type: 'string' }, region: { type: 'string' } },
  });
  const table = await openTable('npm run upgrade-table', values);
  try {
    const upgraded = await upgradeData(DynamoDBDocumentClient.from(table.client), table.tableName);
    process.stdout.write(`${table.source}: ${upgraded ? 'upgraded' : 'nothing to upgrade'}\n`);
  } finally {
    await table.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`upgrade-table failed: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
