/**
 * What a certificate write adds to the log, decided from the write alone: a write whose public facts differ from the
 * digest its last entry logged gets the next index, and its certificate carries that index and the new digest.
 * The store adapter puts these writes into the same transaction as the change itself.
 */
import type { Certificate } from '../model';
import { keys, LOG_INDEX_COUNTER } from '../store/keys';
import type { Write } from '../store/port';
import { utf8 } from './bytes';
import {
  type CertificateFacts,
  certificateFacts,
  decodeLogEntry,
  encodeLogEntry,
  factsDigest,
  publicEventFor,
} from './entry';

export const LOG_ENTRY_ENTITY = 'logentry';

/** True when the certificate's public facts are not the ones its latest entry logged. */
export function needsLogEntry(c: Certificate): boolean {
  return c.log?.digest !== factsDigest(certificateFacts(c));
}

export interface LoggedBefore {
  index: number;
  facts: CertificateFacts;
}

/**
 * The writes with their log entries: certificates stamped with their entry, the entries from index `size` on, and
 * the index counter moved on by as many. `before` gives each certificate's last logged entry (by number), `at` the
 * time of each change.
 */
export function withLogEntries(
  writes: readonly Write[],
  size: number,
  before: ReadonlyMap<string, LoggedBefore>,
  at: (number: string) => string,
): Write[] {
  let next = size;
  const entries: Write[] = [];
  const stamped = writes.map((w): Write => {
    if (w.kind !== 'certificate' || !needsLogEntry(w.value)) return w;
    const c = w.value;
    const facts = certificateFacts(c);
    const prev = before.get(c.number);
    const index = next++;
    const bytes = encodeLogEntry({
      v: 1,
      type: 'starmark/certificate-event',
      event: publicEventFor(prev?.facts ?? null, facts),
      at: at(c.number),
      prev: prev?.index ?? null,
      certificate: facts,
    });
    entries.push({ kind: 'item', value: logEntryItem(index, bytes) });
    return { ...w, value: { ...c, log: { index, digest: factsDigest(facts) } } };
  });
  if (next === size) return [...writes];
  return [...stamped, ...entries, { kind: 'counter', name: LOG_INDEX_COUNTER, expected: size, next }];
}

export function logEntryItem(index: number, bytes: Uint8Array) {
  return { ...keys.logEntry(index), entity: LOG_ENTRY_ENTITY, index, entry: utf8.decode(bytes) };
}

/** The entry's bytes from its stored item; undefined when the item is not a log entry. */
export function entryBytesOf(item: Record<string, unknown> | undefined): Uint8Array | undefined {
  return item?.entity === LOG_ENTRY_ENTITY && typeof item.entry === 'string' ? utf8.encode(item.entry) : undefined;
}

export function loggedBefore(item: Record<string, unknown> | undefined): LoggedBefore | undefined {
  const bytes = entryBytesOf(item);
  const entry = bytes ? decodeLogEntry(bytes) : undefined;
  return entry && typeof item?.index === 'number' ? { index: item.index, facts: entry.certificate } : undefined;
}
