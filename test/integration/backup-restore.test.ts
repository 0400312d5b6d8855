/**
 * Backup and restore (scripts/registry-archive) round-trip the demo registry through DynamoDB Local: the export
 * carries counts and hashes, the restore loads it into an empty table and proves every item and every audit chain.
 * An edited export, or a table that is not empty, is refused before anything is written.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../functions/demo/seed';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local';
import { ensureTable } from '../../functions/local/table-setup';
import { documentClient } from '../../functions/store/dynamo-client';
import { backupRegistry } from '../../scripts/registry-archive/backup';
import { ITEMS_FILE, MANIFEST_FILE, type Manifest, sha256 } from '../../scripts/registry-archive/format';
import { RestoreRefused, restoreRegistry } from '../../scripts/registry-archive/restore';
import type { RegistryTable } from '../../scripts/registry-archive/table';
import { keys } from '../../shared/store/keys';
import { auditProblems } from '../support/audit-integrity';
import { useTestSystem } from '../support/local-system';
import { scanAll, tableSnapshot } from '../support/table-snapshot';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
let client: DynamoDBClient;
const work = mkdtempSync(join(tmpdir(), 'starmark-backup-'));
const exported = join(work, 'export');
let manifest: Manifest;
const table = (tableName: string): RegistryTable => ({ client, tableName, source: 'dynamodb-local:test' });
const sorted = (items: Record<string, unknown>[]) => items.map((i) => JSON.stringify(i, Object.keys(i).sort())).sort();

beforeAll(async () => {
  client = new DynamoDBClient({ endpoint: sys.dynamo.endpoint, ...LOCAL_AWS });
  expect((await seedDemo(sys.deps)).status).toBe('seeded');
  manifest = await backupRegistry(table('starmark'), exported);
}, 240_000);
afterAll(async () => {
  client?.destroy();
  rmSync(work, { recursive: true, force: true });
});

describe('backup', () => {
  it('writes every item with counts per kind and the hashes of the file and of each line', async () => {
    const items = await scanAll(sys.dynamo.endpoint);
    expect(manifest.itemCount).toBe(items.length);
    expect(Object.values(manifest.counts).reduce((a, b) => a + b, 0)).toBe(items.length);
    expect(manifest.counts.EVT).toBe(items.filter((i) => String(i.pk).startsWith(keys.eventStream(''))).length);
    expect(manifest.counts.CERT).toBeGreaterThan(10);
    const text = readFileSync(join(exported, ITEMS_FILE), 'utf8');
    expect(sha256(text)).toBe(manifest.sha256);
    expect(text.split('\n').filter(Boolean).map(sha256)).toEqual(manifest.itemSha256);
    expect(manifest.auditStreams).toBeGreaterThan(20);
  });

  it('refuses to export a registry whose audit trail does not verify', async () => {
    await ensureTable(client, 'broken');
    const fresh = join(work, 'broken-export');
    await restoreRegistry(table('broken'), exported);
    // Remove one event behind the registry's back: its case now claims an event the table does not hold.
    const victim = (await scanAll(sys.dynamo.endpoint, 'broken')).find((i) => i.entity === 'event')!;
    await documentClient({ endpoint: sys.dynamo.endpoint, ...LOCAL_AWS }).send(
      new DeleteCommand({ TableName: 'broken', Key: { pk: victim.pk, sk: victim.sk } }),
    );
    await expect(backupRegistry(table('broken'), fresh)).rejects.toThrow(/does not verify/);
  }, 60_000);
});

describe('restore', () => {
  it('loads the export into an empty table, item for item, and every chain verifies', async () => {
    await ensureTable(client, 'restored');
    const report = await restoreRegistry(table('restored'), exported);
    expect(report).toEqual({ itemCount: manifest.itemCount, auditStreams: manifest.auditStreams });
    expect(sorted(await scanAll(sys.dynamo.endpoint, 'restored'))).toEqual(sorted(await scanAll(sys.dynamo.endpoint)));
    expect(await auditProblems(sys.dynamo.endpoint, 'restored')).toEqual([]);
  }, 60_000);

  it('refuses a table that is not empty, and leaves it as it was', async () => {
    const before = await tableSnapshot(sys.dynamo.endpoint, 'starmark');
    await expect(restoreRegistry(table('starmark'), exported)).rejects.toThrow(/not empty/);
    expect(await tableSnapshot(sys.dynamo.endpoint, 'starmark')).toBe(before);
  });

  it('refuses an edited export before writing anything, naming the line', async () => {
    const edited = join(work, 'edited');
    await backupRegistry(table('starmark'), edited);
    const lines = readFileSync(join(edited, ITEMS_FILE), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"entity":{"S":"event"}'));
    lines[at] = lines[at]!.replace(/"action":\{"S":"[^"]+"\}/, '"action":{"S":"withdraw"}');
    writeFileSync(join(edited, ITEMS_FILE), lines.join('\n'));
    await ensureTable(client, 'edited');
    await expect(restoreRegistry(table('edited'), edited)).rejects.toThrow(
      new RegExp(`does not match its manifest \\(first difference at line ${at + 1}\\)`),
    );
    // The same edit with a manifest rewritten to match: the hash chain still tells.
    const m = JSON.parse(readFileSync(join(edited, MANIFEST_FILE), 'utf8')) as Manifest;
    const text = readFileSync(join(edited, ITEMS_FILE), 'utf8');
    m.sha256 = sha256(text);
    m.itemSha256 = text.split('\n').filter(Boolean).map(sha256);
    writeFileSync(join(edited, MANIFEST_FILE), JSON.stringify(m));
    await expect(restoreRegistry(table('edited'), edited)).rejects.toThrow(RestoreRefused);
    await expect(restoreRegistry(table('edited'), edited)).rejects.toThrow(/HASH_MISMATCH/);
    expect(await scanAll(sys.dynamo.endpoint, 'edited')).toEqual([]);
  }, 60_000);
});

describe('npm run backup / npm run restore', () => {
  const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
  const run = (script: string, args: string[]) =>
    execFileSync(tsx, [`scripts/${script}.ts`, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });

  it('restores into a new local data folder and exports it again, byte for byte', async () => {
    // A few whole cases of the demo (DynamoDB Local on disk is slow to fill): their heads and their events.
    const all = await scanAll(sys.dynamo.endpoint);
    const ids = all
      .filter((i) => i.entity === 'application')
      .slice(0, 3)
      .map((i) => String(i.id));
    const streams = new Set(ids.map((id) => keys.eventStream(`application/${id}`)));
    const few = all.filter((i) => ids.some((id) => i.pk === keys.application(id).pk) || streams.has(String(i.pk)));
    await ensureTable(client, 'few');
    const db = documentClient({ endpoint: sys.dynamo.endpoint, ...LOCAL_AWS });
    for (const item of few) await db.send(new PutCommand({ TableName: 'few', Item: item }));
    const small = join(work, 'small');
    const expected = await backupRegistry(table('few'), small);
    expect(expected.auditStreams).toBe(3);

    const data = join(work, 'data');
    expect(run('restore', ['--from', small, '--data', data])).toMatch(
      new RegExp(`Restored ${expected.itemCount} items .* 3 audit chains verify`),
    );
    const again = join(work, 'again');
    expect(run('backup', ['--data', data, '--out', again])).toContain(`Exported ${expected.itemCount} items`);
    expect(readFileSync(join(again, ITEMS_FILE), 'utf8')).toBe(readFileSync(join(small, ITEMS_FILE), 'utf8'));
    expect(() => run('restore', ['--from', small, '--data', data])).toThrow(/not empty/);
  }, 120_000);
});
