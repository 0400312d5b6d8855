/**
 * `npm run import -- --file certificates.csv|xlsx [--dry-run] [--data .data]`: certificates from another registry
 * into the local data folder's registry (or the running system's). Every row is checked first; any problem is listed
 * (row, column, zh / en) and nothing is written. A dry run checks and reports without writing. Running it again
 * imports nothing twice. Exit status: 0 imported (or would import), 1 rows with problems, 2 the file refused.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importCertificates } from '../functions/service/legacy-import/import-run';
import { readImportFile } from '../functions/service/legacy-import/read-file';
import { withTransparencyLog } from '../functions/transparency-log/logged-store';
import { DomainError, ERROR_CATALOGUE } from '../shared/errors';
import { openLocalRegistry, toolOptions } from './local-registry';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const say = (line: string) => process.stdout.write(`${line}\n`);

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
  // The file is read whole before the registry is opened: a refused file has touched nothing.
  const table = await readImportFile(bytes);
  const rest = (['data', 'prefix', 'now'] as const).flatMap((k) => (values[k] ? [`--${k}`, values[k]] : []));
  const registry = await openLocalRegistry(toolOptions('npm run import', rest));
  const dryRun = values['dry-run'];
  try {
    // Imported certificates are public at once: each commits with its transparency-log entry, as in the functions.
    const deps = { ...registry.deps, store: withTransparencyLog(registry.deps.store, registry.deps.clock) };
    const report = await importCertificates(deps, { bytes, table }, { dryRun });
    say(`${dryRun ? 'Dry run against' : 'Import into'} ${registry.source}`);
    say(`  file sha256 ${report.fileSha256}: ${report.rows} row(s), ${report.problems.length} problem(s)`);
    for (const p of report.problems)
      say(`  第 ${p.row} 行 row ${p.row}${p.column ? ` [${p.column}]` : ''} ${p.code}: ${p.zh} / ${p.en}`);
    if (report.problems.length) {
      const { zh, en } = ERROR_CATALOGUE.IMPORT_ROWS_INVALID;
      process.stderr.write(`IMPORT_ROWS_INVALID: ${zh} / ${en}\n`);
      process.exitCode = 1;
      return;
    }
    say(
      `  ${dryRun ? 'would import' : 'imported'} ${report.imported.length}, imported before ${report.already.length}`,
    );
  } finally {
    await registry.close();
  }
}

main().catch((error) => {
  if (error instanceof DomainError) {
    const entry = ERROR_CATALOGUE[error.code];
    process.stderr.write(`${error.code}: ${entry.zh} / ${entry.en}${error.detail ? ` (${error.detail})` : ''}\n`);
  } else process.stderr.write(`${(error as Error)?.message ?? error}\n`);
  process.exitCode = 2;
});
