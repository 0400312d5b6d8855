/** A matter as the table stores it: the record with its keys and index attributes, and back. */
import type { Matter } from '../../shared/complaints';
import type { AuditEvent } from '../../shared/model';
import type { Write } from '../../shared/store/port';

const STORAGE = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity', 'step', 'expiresAt'];

export function matterOf(stored: Record<string, unknown>): Matter {
  return Object.fromEntries(Object.entries(stored).filter(([k]) => !STORAGE.includes(k))) as unknown as Matter;
}

/**
 * A matter's event, kept as long as its matter (`expiresAt`, the matter item's own): the record and its trail are
 * dropped by the table together at the end of the retention period, so neither outlives the other.
 */
export function matterEventWrite(event: AuditEvent, expiresAt: unknown): Write {
  return typeof expiresAt === 'number' ? { kind: 'event', value: event, expiresAt } : { kind: 'event', value: event };
}
