/**
 * Finding the key a JWS names in a published JWKS, for one purpose. Every verifier applies the same rules: a revoked
 * kid is revoked whatever else is listed, only ES256 signing keys count, and a key published for another purpose is
 * not a key for this one (before any signature is checked: a receipt key's signature on a star mark proves nothing
 * about a star mark).
 */
import { ES256 } from './compact';

/** A JWKS as fetched: ours, or any `{keys:[…]}` (entries that are not usable EC P-256 keys are skipped). */
export interface JwksInput {
  keys: readonly object[];
  revoked?: readonly { kid: string }[];
}

export type KeyLookup = { key: Record<string, unknown> } | 'revoked' | 'unknown' | { otherPurpose: string };

/**
 * The purpose a verifier asks for. `unmarked`: whether a key published without `purpose` serves it — true for the
 * purpose every key served before purposes were published (a verify page may still ship such a JWKS).
 */
export interface KeyPurposeRule {
  purpose: string;
  unmarked: boolean;
}

function serves(key: Record<string, unknown>, rule: KeyPurposeRule): boolean {
  return key.purpose === rule.purpose || (key.purpose === undefined && rule.unmarked);
}

export function findKey(jwks: JwksInput, kid: string, rule: KeyPurposeRule): KeyLookup {
  const keys = Array.isArray(jwks?.keys) ? (jwks.keys as readonly Record<string, unknown>[]) : [];
  const revoked = Array.isArray(jwks?.revoked) ? jwks.revoked : [];
  if (revoked.some((r) => r?.kid === kid)) return 'revoked';
  const matches = keys.filter((k) => k?.kid === kid);
  if (matches.some((k) => k.status === 'revoked')) return 'revoked';
  const signing = matches.filter(
    (k) => (k.alg === undefined || k.alg === ES256) && (k.use === undefined || k.use === 'sig'),
  );
  const usable = signing.find((k) => serves(k, rule));
  if (usable) return { key: usable };
  const other = signing[0];
  return other ? { otherPurpose: String(other.purpose ?? 'unmarked') } : 'unknown';
}
