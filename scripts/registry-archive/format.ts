/**
 * The export format: `items.jsonl`, one item per line in DynamoDB's own JSON (AttributeValue maps, so every type and
 * number survives exactly), sorted by key; and `manifest.json`, with the counts per kind of item and the SHA-256 of
 * the items file and of every line, so that a restore can tell a damaged or edited export before it loads anything.
 */
import { createHash } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export const FORMAT = 'starmark-registry-export/1';
export const ITEMS_FILE = 'items.jsonl';
export const MANIFEST_FILE = 'manifest.json';

export type RawItem = Record<string, AttributeValue>;

export interface Manifest {
  format: typeof FORMAT;
  /** Where it came from: `dynamodb-local:<data folder>` or `aws:<region>/<table>`. */
  source: string;
  table: string;
  exportedAt: string;
  itemCount: number;
  /** Items per partition-key prefix (`APP`, `CERT`, `EVT`, `COUNTER`, `KEY`, …). */
  counts: Record<string, number>;
  /** Audit streams whose hash chains were verified before the export was written. */
  auditStreams: number;
  sha256: string;
  /** SHA-256 of each line, in file order: a restore can name the line that changed. */
  itemSha256: string[];
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** One line of the items file: keys sorted at every level, so an item always writes the same bytes. */
export function itemLine(item: RawItem): string {
  return JSON.stringify(sortKeys(item));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  if (value instanceof Uint8Array) return { $binary: Buffer.from(value).toString('base64') };
  return value;
}

/** The inverse of itemLine for binary values (B and BS attributes are written as base64). */
export function parseItemLine(line: string): RawItem {
  return JSON.parse(line, (_key, value) =>
    value && typeof value === 'object' && typeof value.$binary === 'string' && Object.keys(value).length === 1
      ? new Uint8Array(Buffer.from(value.$binary, 'base64'))
      : value,
  ) as RawItem;
}

export const kindOf = (item: RawItem): string => {
  const pk = item.pk?.S ?? '';
  return pk.includes('#') ? pk.slice(0, pk.indexOf('#')) : pk || '(no pk)';
};

export function countsOf(items: readonly RawItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[kindOf(item)] = (counts[kindOf(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Key order of the export: by pk, then sk. */
export function byKey(a: RawItem, b: RawItem): number {
  const ka = `${a.pk?.S ?? ''}\u0000${a.sk?.S ?? ''}`;
  const kb = `${b.pk?.S ?? ''}\u0000${b.sk?.S ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
