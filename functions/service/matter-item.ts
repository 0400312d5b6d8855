/** A matter as the table stores it: the record with its keys and index attributes, and back. */
import type { Matter } from '../../shared/complaints';

const STORAGE = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity', 'step', 'expiresAt'];

export function matterOf(stored: Record<string, unknown>): Matter {
  return Object.fromEntries(Object.entries(stored).filter(([k]) => !STORAGE.includes(k))) as unknown as Matter;
}
