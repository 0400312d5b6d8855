/**
 * The signed status snapshot (shared/status-snapshot), made from the status-list partition — the entries every
 * certificate write keeps in step, in its own transaction — and signed by the status key ring. Served at a fixed URL
 * (GET /v1/status-snapshot) that the edge caches for a minute; the function keeps the snapshot it made for as long,
 * so a flood of phones costs one partition read and one signature a minute, and any status change is in the
 * snapshot within two minutes (a minute here, a minute at the edge). Locally the same: the gateway calls the same
 * function, which remakes the snapshot at most once per `statusSnapshotMaxAgeMs`.
 */

import { DomainError } from '../../shared/errors';
import { compactJws } from '../../shared/jws';
import { encodeSnapshot, type SnapshotEntry, snapshotSigningInput } from '../../shared/status-snapshot';
import { keys } from '../../shared/store/keys';
import type { Deps } from '../service/deps';

export const STATUS_SNAPSHOT_MAX_AGE_MS = 60_000;

const made = new WeakMap<Deps, { at: number; jws: Promise<string> }>();

async function listedEntries(deps: Deps): Promise<SnapshotEntry[]> {
  const entries: SnapshotEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.queryItems(keys.statusList, { limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) {
      const { number, status, level } = item as unknown as SnapshotEntry;
      entries.push({ number, status, ...(level ? { level } : {}) });
    }
    cursor = page.cursor;
  } while (cursor);
  return entries;
}

async function makeSnapshot(deps: Deps): Promise<string> {
  if (!deps.statusKeys) throw new DomainError('SIGNING_KEY_UNAVAILABLE', 'this deployment has no status key');
  const revokedKeys = deps.signingKeys
    ? (await deps.signingKeys.records()).filter((r) => r.status === 'revoked').map((r) => r.kid)
    : [];
  const payload = encodeSnapshot(await listedEntries(deps), deps.clock(), revokedKeys);
  const signer = await deps.statusKeys.signer();
  const input = snapshotSigningInput(payload, signer.kid);
  return compactJws(input, await signer.sign(new TextEncoder().encode(input)));
}

/** The current snapshot: the one made within the last max age, else a fresh one. */
export function statusSnapshot(deps: Deps): Promise<string> {
  const maxAge = deps.config.statusSnapshotMaxAgeMs ?? STATUS_SNAPSHOT_MAX_AGE_MS;
  const known = made.get(deps);
  if (known && Date.now() - known.at < maxAge) return known.jws;
  const jws = makeSnapshot(deps);
  made.set(deps, { at: Date.now(), jws });
  jws.catch(() => made.delete(deps));
  return jws;
}
