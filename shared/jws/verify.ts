/**
 * A JWS of one kind checked against the registry's JWKS: read (shape and header, compact.ts), its key found for the
 * kind's purpose (key-lookup.ts), its signature verified (jose over Web Crypto, ES256 only). Each kind's verifier
 * adds only what its payload means.
 */
import { compactVerify, importJWK } from 'jose';
import { ES256, isJwsRefusal, type JwsProfile, type JwsRefusalCode, readCompactJws } from './compact';
import { ecPublicJwk } from './ec-key';
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
  try {
    await compactVerify(token as string, await importJWK(jwk, ES256), { algorithms: [ES256] });
  } catch {
    return fail('BAD_SIGNATURE', `the signature does not verify with key ${kid}`, kid);
  }
  return { ok: true, kid, payload: read.payload };
}
