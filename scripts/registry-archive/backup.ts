/**
 * A consistent export of a registry. A scan is not a snapshot, so the export is checked before it is written:
 * every case must own exactly the events its head says, and every hash chain must verify. A write that landed
 * between two pages of the scan shows as a mismatch, and the scan is repeated (up to three times); a registry that
 * is inconsistent at rest is reported, never exported.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { auditProblemsOf, auditStreamsOf } from '../../shared/audit/integrity';
import {
  byKey,
  countsOf,
  FORMAT,
  ITEMS_FILE,
  itemLine,
  MANIFEST_FILE,
  type Manifest,
  type RawItem,
  sha256,
} from './format';
import { type RegistryTable, scanTable } from './table';

const ATTEMPTS = 3;

export class InconsistentRegistry extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the registry's audit trail does not verify:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
}

/** The items as the application sees them, for the audit check. */
export function plain(items: readonly RawItem[]): Record<string, unknown>[] {
  return items.map((item) => unmarshall(item));
}

export async function backupRegistry(table: RegistryTable, outDir: string, now = new Date()): Promise<Manifest> {
  let items: RawItem[] = [];
  let problems: string[] = [];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    items = (await scanTable(table)).sort(byKey);
    problems = await auditProblemsOf(plain(items));
    if (problems.length === 0) break;
  }
  if (problems.length) throw new InconsistentRegistry(problems);

  const lines = items.map(itemLine);
  const text = lines.length ? `${lines.join('\n')}\n` : '';
  const manifest: Manifest = {
    format: FORMAT,
    source: table.source,
    table: table.tableName,
    exportedAt: now.toISOString(),
    itemCount: items.length,
    counts: countsOf(items),
    auditStreams: auditStreamsOf(plain(items)).heads.length,
    sha256: sha256(text),
    itemSha256: lines.map(sha256),
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, ITEMS_FILE), text);
  writeFileSync(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
