/**
 * A JWS of one kind checked against the registry's JWKS: read (shape and header, compact.ts), its key found for the
 * kind's purpose (key-lookup.ts), its signature verified. Each kind's verifier adds only what its payload means.
 *
 * The signature is checked with Web Crypto itself (ECDSA P-256 with SHA-256, RFC 7518 §3.4), not through a JOSE
 * library: by then the header has been read to the one shape we accept — ES256, a kid, nothing else — so all that
 * is left is the one primitive, and the verify page's first load does without a library's generality (and weight).
 */
import { ES256_SIGNATURE_BYTES, isJwsRefusal, type JwsProfile, type JwsRefusalCode, readCompactJws } from './compact';
import { type EcPublicJwk, ecPublicJwk } from './ec-key';
import { findKey, type JwksInput, type KeyPurposeRule } from './key-lookup';

export type JwsCheckCode = JwsRefusalCode | 'UNKNOWN_KEY' | 'REVOKED_KEY';

export type JwsCheck =
  | { ok: true; kid: string; payload: Uint8Array }
  | { ok: false; code: JwsCheckCode; reason: string; kid?: string };

export interface JwsKind extends JwsProfile, KeyPurposeRule {
  /** What the kind is called in reasons: "star mark", "receipt". */
  name: string;
}

const fail = (code: JwsCheckCode, reason: string, kid?: string): JwsCheck => ({
  ok: false,
  code,
  reason,
  ...(kid !== undefined ? { kid } : {}),
});

/** ES256: an ECDSA P-256 signature, r‖s, over the ASCII bytes of `header.payload`. */
async function es256Verifies(jwk: EcPublicJwk, signingInput: string, signature: Uint8Array): Promise<boolean> {
  if (signature.length !== ES256_SIGNATURE_BYTES) return false;
  const key = await crypto.subtle.importKey(
    'jwk',
    { ...jwk, ext: true },
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );
  // A copy: Web Crypto takes bytes over an ArrayBuffer, never a view that could be shared.
  const bytes = Uint8Array.from(signature);
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, bytes, new TextEncoder().encode(signingInput));
}

export async function verifyJws(token: unknown, kind: JwsKind, jwks: JwksInput): Promise<JwsCheck> {
  const read = readCompactJws(token, kind);
  if (isJwsRefusal(read)) return fail(read.refused, read.reason, read.kid);
  const { kid } = read;
  const found = findKey(jwks, kid, kind);
  if (found === 'revoked')
    return fail('REVOKED_KEY', `key ${kid} was revoked; what it signed no longer proves anything`, kid);
  if (found === 'unknown') return fail('UNKNOWN_KEY', `key ${kid} is not one of the registry's`, kid);
  // UNKNOWN_KEY, not BAD_SIGNATURE: the key is genuine, but not this kind's, so nothing it signed is one.
  if ('otherPurpose' in found)
    return fail('UNKNOWN_KEY', `key ${kid} signs ${found.otherPurpose} tokens, not ${kind.name}s`, kid);
  const jwk = ecPublicJwk(found.key);
  if (!jwk) return fail('UNKNOWN_KEY', `key ${kid} is not an EC P-256 public key`, kid);
  let verified = false;
  try {
    verified = await es256Verifies(jwk, read.signingInput, read.signature);
  } catch {
    // A point not on the curve, say: the key as published cannot verify anything.
    return fail('UNKNOWN_KEY', `key ${kid} is not a usable EC P-256 public key`, kid);
  }
  if (!verified) return fail('BAD_SIGNATURE', `the signature does not verify with key ${kid}`, kid);
  return { ok: true, kid, payload: read.payload };
}
