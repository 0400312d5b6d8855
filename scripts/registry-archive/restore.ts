/**
 * Loads an export into an empty table, then proves the result: the export's bytes against its manifest before
 * anything is written, the table refused unless it is empty, and afterwards the table read back (every item, the
 * same hash as the export) and every audit chain verified.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditProblemsOf, auditStreamsOf } from '../../shared/audit/integrity';
import { plain } from './backup';
import { byKey, FORMAT, ITEMS_FILE, itemLine, MANIFEST_FILE, type Manifest, parseItemLine, sha256 } from './format';
import { putAll, type RegistryTable, scanTable } from './table';

export interface RestoreReport {
  itemCount: number;
  auditStreams: number;
}

export class RestoreRefused extends Error {}

export function readExport(dir: string): { manifest: Manifest; lines: string[] } {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
  if (manifest.format !== FORMAT) throw new RestoreRefused(`not a ${FORMAT} export: ${manifest.format}`);
  const text = readFileSync(join(dir, ITEMS_FILE), 'utf8');
  if (sha256(text) !== manifest.sha256) {
    const lines = text.split('\n').filter(Boolean);
    const changed = lines.findIndex((line, i) => sha256(line) !== manifest.itemSha256[i]);
    const where = changed >= 0 ? ` (first difference at line ${changed + 1})` : '';
    throw new RestoreRefused(`${ITEMS_FILE} does not match its manifest${where}`);
  }
  const lines = text.split('\n').filter(Boolean);
  if (lines.length !== manifest.itemCount) throw new RestoreRefused('item count does not match the manifest');
  return { manifest, lines };
}

export async function restoreRegistry(table: RegistryTable, dir: string): Promise<RestoreReport> {
  const { manifest, lines } = readExport(dir);
  const items = lines.map(parseItemLine);
  // An export that verifies no longer (its manifest rewritten to match an edit) is refused before loading.
  const before = await auditProblemsOf(plain(items));
  if (before.length) throw new RestoreRefused(`the export's audit trail does not verify:\n  ${before.join('\n  ')}`);
  if ((await scanTable(table, 1)).length > 0) {
    throw new RestoreRefused(`${table.source} table ${table.tableName} is not empty; restore only into an empty table`);
  }

  await putAll(table, items);

  const loaded = (await scanTable(table)).sort(byKey);
  const text = loaded.length ? `${loaded.map(itemLine).join('\n')}\n` : '';
  if (loaded.length !== manifest.itemCount || sha256(text) !== manifest.sha256) {
    throw new Error(`the restored table holds ${loaded.length} items that do not match the export`);
  }
  const after = await auditProblemsOf(plain(loaded));
  if (after.length) throw new Error(`the restored audit trail does not verify:\n  ${after.join('\n  ')}`);
  return { itemCount: loaded.length, auditStreams: auditStreamsOf(plain(loaded)).heads.length };
}
