/**
 * Finding the key a JWS names in a published JWKS, for one purpose. Shared by the star-mark and the receipt
 * verifiers so that both apply the same rules: a revoked kid is revoked whatever else is listed, only ES256
 * signing keys count, and a key published for the other purpose is not a key for this one (UNKNOWN_KEY, before any
 * signature is checked: a receipt key's signature on a star mark proves nothing about a star mark).
 */
import type { KeyPurpose } from './jwks';
import { STAR_MARK_ALG } from './token';

/** A JWKS as fetched: ours, or any `{keys:[…]}` (entries that are not usable EC P-256 keys are skipped). */
export interface JwksInput {
  keys: readonly object[];
  revoked?: readonly { kid: string }[];
}

export type KeyLookup = { key: Record<string, unknown> } | 'revoked' | 'unknown' | { otherPurpose: string };

/**
 * A key without `purpose` counts as a star-mark key only: every key published before receipts had their own ring
 * signed star marks (a verify page may ship such a JWKS), while a receipt key is always published marked.
 */
function servesPurpose(key: Record<string, unknown>, purpose: KeyPurpose): boolean {
  return key.purpose === purpose || (key.purpose === undefined && purpose === 'star-mark');
}

export function findKey(jwks: JwksInput, kid: string, purpose: KeyPurpose): KeyLookup {
  const keys = Array.isArray(jwks?.keys) ? (jwks.keys as readonly Record<string, unknown>[]) : [];
  const revoked = Array.isArray(jwks?.revoked) ? jwks.revoked : [];
  if (revoked.some((r) => r?.kid === kid)) return 'revoked';
  const matches = keys.filter((k) => k?.kid === kid);
  if (matches.some((k) => k.status === 'revoked')) return 'revoked';
  const signing = matches.filter(
    (k) => (k.alg === undefined || k.alg === STAR_MARK_ALG) && (k.use === undefined || k.use === 'sig'),
  );
  const usable = signing.find((k) => servesPurpose(k, purpose));
  if (usable) return { key: usable };
  const other = signing[0];
  return other ? { otherPurpose: String(other.purpose) } : 'unknown';
}
