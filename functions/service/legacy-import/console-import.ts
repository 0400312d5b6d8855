/**
 * The console's import: the command's own reading and import (read-file.ts, import-run.ts), for an administrator,
 * within the console's limits. The dry run reports the rows accepted and refused; the confirmation names the file
 * the dry run checked (its SHA-256) and imports the accepted rows, leaving the refused ones, each `imported` event
 * naming the administrator.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../../../shared/errors';
import { CONSOLE_IMPORT_LIMITS } from '../../../shared/legacy-import';
import { requireRole } from '../../../shared/lifecycle/guards';
import type { Actor } from '../../../shared/model';
import type { Deps } from '../deps';
import { type ImportReport, importCertificates } from './import-run';
import { readImportFile } from './read-file';

const { maxFileBytes, maxRows } = CONSOLE_IMPORT_LIMITS;

async function consoleFile(actor: Actor, base64: string) {
  requireRole(actor, 'admin');
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.byteLength > maxFileBytes)
    throw new DomainError('IMPORT_OVER_CONSOLE_LIMIT', `${bytes.byteLength} bytes, at most ${maxFileBytes}`);
  const table = await readImportFile(bytes);
  if (table.length - 1 > maxRows)
    throw new DomainError('IMPORT_OVER_CONSOLE_LIMIT', `${table.length - 1} rows, at most ${maxRows}`);
  return { bytes, table };
}

export async function dryRunConsoleImport(deps: Deps, actor: Actor, file: string): Promise<ImportReport> {
  return importCertificates(deps, await consoleFile(actor, file), { dryRun: true, skipRefused: true, actor });
}

export async function runConsoleImport(
  deps: Deps,
  actor: Actor,
  input: { file: string; fileSha256: string },
): Promise<ImportReport> {
  const file = await consoleFile(actor, input.file);
  if (createHash('sha256').update(file.bytes).digest('hex') !== input.fileSha256)
    throw new DomainError('IMPORT_FILE_CHANGED', 'the file differs from the one the dry run checked');
  return importCertificates(deps, file, { dryRun: false, skipRefused: true, actor });
}
