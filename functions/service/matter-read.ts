/**
 * One matter read from the table, as the core knows it (matter-item.ts): what the staff's handling (matters.ts) and
 * the reporter's photo confirmation (report-photo.ts) both start from, so the public function's report chunk reads
 * a matter without carrying the staff's handling.
 */
import type { Matter } from '../../shared/complaints';
import { DomainError } from '../../shared/errors';
import { keys } from '../../shared/store/keys';
import type { Deps } from './deps';
import { matterOf } from './matter-item';

export async function loadMatter(deps: Deps, id: string): Promise<{ matter: Matter; expiresAt: unknown }> {
  const stored = await deps.store.getItem(keys.matter(id).pk, keys.matter(id).sk);
  if (!stored) throw new DomainError('NOT_FOUND', `matter ${id}`);
  return { matter: matterOf(stored), expiresAt: stored.expiresAt };
}
