/**
 * `npm run backup -- --out <folder> [--data .data | --table <name> [--region <region>]]`: writes a consistent
 * export of the registry (items.jsonl and manifest.json: counts and SHA-256 hashes) into a new folder. Every audit
 * chain is verified before anything is written. Restore with `npm run restore`.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { backupRegistry } from './registry-archive/backup';
import { openTable } from './registry-archive/open';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      data: { type: 'string' },
      table: { type: 'string' },
      region: { type: 'string' },
    },
  });
  if (!values.out) throw new Error('--out <folder> is required');
  if (existsSync(values.out)) throw new Error(`${values.out} exists already; an export goes into a new folder`);
  const table = await openTable('npm run backup', values);
  try {
    const manifest = await backupRegistry(table, values.out);
    process.stdout.write(
      `Exported ${manifest.itemCount} items (${manifest.auditStreams} audit chains verified) from ${table.source} ` +
        `to ${values.out}\n${JSON.stringify(manifest.counts)}\nsha256 ${manifest.sha256}\n`,
    );
  } finally {
    await table.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`backup failed: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
