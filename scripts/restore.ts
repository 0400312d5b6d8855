/**
 * `npm run restore -- --from <export folder> [--data <folder> | --table <name> [--region <region>]]`: loads an export
 * of `npm run backup` into an empty table (a new local data folder gets its table made), then reads it back and
 * verifies every item and every audit chain. A table that is not empty is refused and left as it was.
 */
import { parseArgs } from 'node:util';
import { openTable } from './registry-archive/open';
import { restoreRegistry } from './registry-archive/restore';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      data: { type: 'string' },
      table: { type: 'string' },
      region: { type: 'string' },
    },
  });
  if (!values.from) throw new Error('--from <export folder> is required');
  const table = await openTable('npm run restore', values, !values.table);
  try {
    const report = await restoreRegistry(table, values.from);
    process.stdout.write(
      `Restored ${report.itemCount} items into ${table.source}; ${report.auditStreams} audit chains verify\n`,
    );
  } finally {
    await table.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`restore failed: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
