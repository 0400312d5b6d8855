/**
 * The public keys the page checks signatures against, from three sources:
 *
 * 1. `/jwks.json` — a key set baked into the deployment at build time (copied from web/public/jwks.json when the
 *    build has one). Served as a static file, and cached by the service worker, so it is there offline.
 * 2. localStorage — the last key set fetched from the server, so a phone that verified once keeps the keys.
 * 3. `/.well-known/jwks.json` — the server's current key set, fetched whenever the device is online.
 *
 * Online, the server's set is the truth (it lists every key ever used, retired ones included, and names the revoked
 * ones). Offline, the union of the baked and stored sets is used. Revocation is sticky: a kid that any source ever
 * listed as revoked is never trusted again on this device, whatever an older source says.
 */
import type { PublishedKey, RevokedKey } from '../../../shared/star-mark/jwks';
import { getJson } from '../common/api';

/**
 * A published key as this device holds it: whatever a server or an older deployment published under that kid. The
 * verifier (shared/jws) takes only what is a usable key of the right purpose; the page only needs the kid.
 */
export type HeldKey = Pick<PublishedKey, 'kid'> & Partial<Record<Exclude<keyof PublishedKey, 'kid'>, unknown>>;

export interface KeySet {
  keys: HeldKey[];
  revoked: Pick<RevokedKey, 'kid'>[];
}

const STORAGE_KEY = 'starmark.jwks';
export const LIVE_JWKS_PATH = '/.well-known/jwks.json';
export const BAKED_JWKS_PATH = '/jwks.json';

function normalize(value: unknown): KeySet | null {
  if (typeof value !== 'object' || value === null) return null;
  const { keys, revoked } = value as { keys?: unknown; revoked?: unknown };
  if (!Array.isArray(keys)) return null;
  const goodKeys = keys.filter(
    (k): k is HeldKey => typeof k === 'object' && k !== null && typeof (k as HeldKey).kid === 'string',
  );
  const goodRevoked = Array.isArray(revoked)
    ? revoked.filter(
        (r): r is { kid: string } =>
          typeof r === 'object' && r !== null && typeof (r as { kid?: unknown }).kid === 'string',
      )
    : [];
  return { keys: goodKeys, revoked: goodRevoked.map((r) => ({ kid: r.kid })) };
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function storedKeys(): KeySet | null {
  try {
    const text = storage()?.getItem(STORAGE_KEY);
    return text ? normalize((JSON.parse(text) as { jwks?: unknown }).jwks) : null;
  } catch {
    return null;
  }
}

function store(keys: KeySet): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify({ fetchedAt: new Date().toISOString(), jwks: keys }));
  } catch {
    // quota or policy: the keys still serve this page view
  }
}

/** The key set shipped with the deployment, or null when it has none (404) or it cannot be read. */
export async function bakedKeys(): Promise<KeySet | null> {
  const res = await getJson<unknown>(BAKED_JWKS_PATH, { cache: 'no-cache', timeoutMs: 4000 });
  return res.kind === 'ok' ? normalize(res.body) : null;
}

/** The server's key set, stored for offline use; null when offline or the server does not answer. */
export async function liveKeys(): Promise<KeySet | null> {
  const res = await getJson<unknown>(LIVE_JWKS_PATH, { cache: 'no-store', timeoutMs: 5000 });
  const keys = res.kind === 'ok' ? normalize(res.body) : null;
  if (!keys) return null;
  const merged = combine(keys, [storedKeys()]);
  store(merged);
  return merged;
}

/**
 * `primary`'s keys (plus, when it is not authoritative, the others'), minus every kid revoked in any of the sets.
 */
export function combine(primary: KeySet | null, others: (KeySet | null)[], authoritative = true): KeySet {
  const sets = [primary, ...others].filter((s): s is KeySet => s !== null);
  const revoked = new Set(sets.flatMap((s) => s.revoked.map((r) => r.kid)));
  const sources = authoritative && primary ? [primary] : sets;
  const byKid = new Map<string, HeldKey>();
  for (const set of sources)
    for (const key of set.keys) if (key.kid && !revoked.has(key.kid) && !byKid.has(key.kid)) byKid.set(key.kid, key);
  return { keys: [...byKid.values()], revoked: [...revoked].map((kid) => ({ kid })) };
}

/** The keys this device holds without the server: stored ∪ baked, revocations applied. */
export async function offlineKeys(): Promise<KeySet> {
  return combine(storedKeys(), [await bakedKeys()], false);
}
