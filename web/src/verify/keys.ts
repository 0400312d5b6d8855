/**
 * The public keys the page checks signatures against, from three sources:
 *
 * 1. `/jwks.json` — the key set shipped with the deployment (made at build when the build is given one, by
 *    `npm start` from the local key rings, by the web deployment in AWS). Precached by the service worker when the
 *    page is first loaded, so it is there offline on any phone that has opened the page once.
 * 2. localStorage — the last key set fetched from the server, stored whenever any view of the page is opened online.
 * 3. `/.well-known/jwks.json` — the server's current key set: fetched online; offline, the service worker's copy.
 *
 * Online, the server's set is the truth (it lists every key ever used, retired ones included, and names the revoked
 * ones). Offline, the union of every set the device holds is used — the freshest it has, since keys are only ever
 * added — and revocation is sticky: a kid that any source (the status snapshot included) ever listed as revoked is
 * never trusted again on this device, whatever an older source says.
 */
import { BAKED_JWKS_PATH, type PublishedKey, type RevokedKey } from '../../../shared/star-mark/jwks';
import { getJson } from '../common/api';

/**
 * A published key as this device holds it: whatever a server or an older deployment published under that kid. The
 * verifier (shared/jws) takes only what is a usable key of the right purpose; the page only needs the kid.
 */
export type HeldKey = Pick<PublishedKey, 'kid'> & Partial<Record<Exclude<keyof PublishedKey, 'kid'>, unknown>>;

export interface KeySet {
  keys: HeldKey[];
  revoked: (Pick<RevokedKey, 'kid'> & { revoked?: string })[];
}

const STORAGE_KEY = 'starmark.jwks';
export const LIVE_JWKS_PATH = '/.well-known/jwks.json';
export { BAKED_JWKS_PATH };

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
  const dated = (r: { kid: string; revoked?: unknown }) =>
    typeof r.revoked === 'string' && /^\d{4}-\d{2}-\d{2}/.test(r.revoked) ? { revoked: r.revoked } : {};
  return { keys: goodKeys, revoked: goodRevoked.map((r) => ({ kid: r.kid, ...dated(r) })) };
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

let asking: Promise<KeySet | null> | null = null;

/**
 * The server's key set, stored for offline use; null when offline or the server does not answer. Callers asking
 * while a request is on its way (the page's start and the mark view, on the same load) share it.
 */
export function liveKeys(): Promise<KeySet | null> {
  asking ??= (async () => {
    const res = await getJson<unknown>(LIVE_JWKS_PATH, { cache: 'no-store', timeoutMs: 5000 });
    const keys = res.kind === 'ok' ? normalize(res.body) : null;
    if (!keys) return null;
    const merged = combine(keys, [storedKeys()]);
    store(merged);
    return merged;
  })().finally(() => {
    asking = null;
  });
  return asking;
}

/**
 * `primary`'s keys (plus, when it is not authoritative, the others'), minus every kid revoked in any of the sets.
 */
export function combine(primary: KeySet | null, others: (KeySet | null)[], authoritative = true): KeySet {
  const sets = [primary, ...others].filter((s): s is KeySet => s !== null);
  const revokedOn = new Map<string, string | undefined>();
  for (const r of sets.flatMap((s) => s.revoked)) if (!revokedOn.get(r.kid)) revokedOn.set(r.kid, r.revoked);
  const revoked = new Set(revokedOn.keys());
  const sources = authoritative && primary ? [primary] : sets;
  const byKid = new Map<string, HeldKey>();
  for (const set of sources)
    for (const key of set.keys) if (key.kid && !revoked.has(key.kid) && !byKid.has(key.kid)) byKid.set(key.kid, key);
  return {
    keys: [...byKid.values()],
    revoked: [...revokedOn].map(([kid, on]) => ({ kid, ...(on ? { revoked: on } : {}) })),
  };
}

/** The server's key set as this device last saw it: offline, the service worker answers with its copy. */
export async function cachedLiveKeys(): Promise<KeySet | null> {
  const res = await getJson<unknown>(LIVE_JWKS_PATH, { cache: 'force-cache', timeoutMs: 3000 });
  return res.kind === 'ok' ? normalize(res.body) : null;
}

/** The keys this device holds without the server: stored ∪ baked ∪ the cached server set, revocations applied. */
export async function offlineKeys(extraRevoked: readonly string[] = []): Promise<KeySet> {
  const [baked, cached] = await Promise.all([bakedKeys(), cachedLiveKeys()]);
  const revoked: KeySet = { keys: [], revoked: extraRevoked.map((kid) => ({ kid })) };
  return combine(storedKeys(), [baked, cached, revoked], false);
}

/** Revocations learnt elsewhere (a status snapshot) added to a key set. */
export function withRevoked(keys: KeySet, kids: readonly string[]): KeySet {
  return combine(keys, [{ keys: [], revoked: kids.map((kid) => ({ kid })) }]);
}
