/**
 * The signatures this function instance has already verified, so that a popular product's mark, scanned thousands of
 * times an hour with the same token, costs one ECDSA verification per instance rather than one per scan.
 *
 * Keyed by the SHA-256 of the token, bounded (the entry used longest ago leaves first). What is cached is only that these exact
 * bytes were signed by that exact key; whether that key still counts is asked of the key set passed in on every
 * call, so a key revoked since (or dropped, or replaced under the same kid) is refused at once, exactly as without
 * the cache. Expiry and the live record are judged after it, on every call.
 */
import { createHash } from 'node:crypto';
import { findKey } from '../../shared/jws/key-lookup';
import { type JwsCheck, verifyJws } from '../../shared/jws/verify';
import type { JwsVerifier } from '../../shared/star-mark/verify';

/** Enough for every mark in circulation that is scanned often; each entry is a token's payload and a key's point. */
export const MAX_VERIFIED_SIGNATURES = 10_000;

interface Verified {
  kid: string;
  /** The key that verified it, as published: a key published under the same kid later must be the same point. */
  x: unknown;
  y: unknown;
  payload: Uint8Array;
}

export interface SignatureCache {
  verify: JwsVerifier;
  /** How many signatures were really verified (misses) — for tests and the bench. */
  readonly verifications: number;
  readonly size: number;
}

export function signatureCache(max = MAX_VERIFIED_SIGNATURES): SignatureCache {
  const entries = new Map<string, Verified>();
  let verifications = 0;
  const verify: JwsVerifier = async (token, kind, jwks) => {
    if (typeof token !== 'string') return verifyJws(token, kind, jwks);
    // The kind is part of the key: a token verified as one kind proves nothing about another.
    const hash = createHash('sha256').update(kind.name).update('\n').update(token).digest('base64url');
    const known = entries.get(hash);
    if (known) {
      const found = findKey(jwks, known.kid, kind);
      if (typeof found === 'object' && 'key' in found && found.key.x === known.x && found.key.y === known.y) {
        // Moved to the newest end: the marks scanned most are the last to leave.
        entries.delete(hash);
        entries.set(hash, known);
        return { ok: true, kid: known.kid, payload: known.payload };
      }
      // The key is revoked, gone or another: forget the entry and let the full check give its answer.
      entries.delete(hash);
    }
    verifications++;
    const check: JwsCheck = await verifyJws(token, kind, jwks);
    if (check.ok) {
      const found = findKey(jwks, check.kid, kind);
      if (typeof found === 'object' && 'key' in found) {
        if (entries.size >= max) entries.delete(entries.keys().next().value as string);
        entries.set(hash, { kid: check.kid, x: found.key.x, y: found.key.y, payload: check.payload });
      }
    }
    return check;
  };
  return {
    verify,
    get verifications() {
      return verifications;
    },
    get size() {
      return entries.size;
    },
  };
}
