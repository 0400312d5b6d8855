/**
 * The signed status snapshot (shared/status-snapshot) on this device: fetched with every verdict online (the
 * service worker keeps the latest it saw, and localStorage a copy where there is no service worker), read from
 * there offline. A snapshot is used only when a status key of the keys this device holds signed it; a malformed
 * one, or one signed by any other key, is refused and said so — it never makes a mark look valid.
 */
import { type SnapshotCheck, verifySnapshot } from '../../../shared/status-snapshot/jws';
import type { KeySet } from './keys';

export const STATUS_SNAPSHOT_PATH = '/v1/status-snapshot';
const STORAGE_KEY = 'starmark.status';

/** `pending`: the snapshot is still on its way (offline, the verdict waits for it rather than say "unknown"). */
export type SnapshotState = { state: 'none' } | { state: 'pending' } | SnapshotCheck;

function stored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function keep(jws: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, jws);
  } catch {
    // quota or policy: the service worker's copy still serves
  }
}

/**
 * The snapshot's text as the network (online) or the service worker (offline) has it: asked for as soon as a mark
 * is opened, so that it arrives while the keys it is checked with are still on their way.
 */
export async function fetchSnapshot(online: boolean): Promise<string | null> {
  try {
    const timeout = AbortSignal.timeout(online ? 5000 : 2000);
    const res = await fetch(STATUS_SNAPSHOT_PATH, { cache: online ? 'no-cache' : 'force-cache', signal: timeout });
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

/**
 * The newest trustworthy snapshot of those this device has (`fetched`, from fetchSnapshot, and the stored copy), or
 * why there is none.
 */
export async function latestSnapshot(keys: KeySet, fetched: string | null, now = new Date()): Promise<SnapshotState> {
  const candidates = [fetched, stored()].filter((c): c is string => c !== null);
  if (!candidates.length) return { state: 'none' };
  let best: { check: Extract<SnapshotCheck, { ok: true }>; jws: string } | null = null;
  let refused: SnapshotCheck | null = null;
  for (const jws of candidates) {
    const check = await verifySnapshot(jws, keys, now);
    if (!check.ok) refused ??= check;
    else if (!best || Date.parse(check.snapshot.iat) > Date.parse(best.check.snapshot.iat)) best = { check, jws };
  }
  if (best && best.jws !== stored()) keep(best.jws);
  return best?.check ?? refused ?? { state: 'none' };
}
