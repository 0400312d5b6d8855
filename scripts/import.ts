/**
 * `npm run import -- --file certificates.csv|xlsx [--dry-run] [--data .data]`: certificates from another registry
 * into the local data folder's registry. Every row is checked first; any problem is listed (row, column, zh / en)
 * and nothing is written. A dry run checks and reports without writing. Running it again imports nothing twice.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importCertificates, readImportFile } from '../functions/service/legacy-import';
import { withTransparencyLog } from '../functions/transparency-log/logged-store';
import { DomainError, ERROR_CATALOGUE } from '../shared/errors';
import { openLocalRegistry, toolOptions } from './local-registry';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      data: { type: 'string' },
      prefix: { type: 'string' },
      now: { type: 'string' },
    },
  });
  if (!values.file) throw new Error('--file <certificates.csv|xlsx> is required');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(values.file);
  } catch {
    throw new Error(`cannot read ${values.file}`);
  }
  const table = await readImportFile(bytes);
  const rest = (['data', 'prefix', 'now'] as const).flatMap((k) => (values[k] ? [`--${k}`, values[k]] : []));
  const registry = await openLocalRegistry(toolOptions('npm run import', rest));
  try {
    const deps = { ...registry.deps, store: withTransparencyLog(registry.deps.store, registry.deps.clock) };
    const report = await importCertificates(deps, table, { dryRun: values['dry-run'] });
    process.stdout.write(`${values['dry-run'] ? 'Checked (dry run)' : 'Imported into'} ${registry.source}\n`);
    process.stdout.write(`  ${report.rows} row(s), ${report.problems.length} problem(s)\n`);
    for (const p of report.problems)
      process.stdout.write(`  第 ${p.row} 行 row ${p.row}${p.column ? ` [${p.column}]` : ''}: ${p.zh} / ${p.en}\n`);
    if (report.problems.length) {
      const { zh, en } = ERROR_CATALOGUE.IMPORT_ROWS_INVALID;
      process.stderr.write(`${zh} / ${en}\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(
      `  ${values['dry-run'] ? 'would import' : 'imported'} ${values['dry-run'] ? report.rows - report.skipped.length : report.imported.length}, ` +
        `already in the registry ${report.skipped.length}\n`,
    );
  } finally {
    await registry.close();
  }
}

main().catch((error) => {
  if (error instanceof DomainError) {
    const entry = ERROR_CATALOGUE[error.code as keyof typeof ERROR_CATALOGUE];
    process.stderr.write(
      `${error.code}: ${entry?.zh ?? ''} / ${entry?.en ?? ''}${error.detail ? ` (${error.detail})` : ''}\n`,
    );
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`${(error as Error)?.message ?? error}\n`);
  process.exitCode = 2;
});
