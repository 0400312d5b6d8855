/**
 * The star-mark token: a JWS in compact serialization, ES256, with only `alg` and `kid` in its protected header.
 * Signing itself happens elsewhere (a local key or KMS); this module builds what is signed and assembles the result,
 * so both signers produce byte-for-byte the same shape.
 */
import { base64url } from 'jose';
import { encodeClaims, type StarMarkClaims } from './claims';

export const STAR_MARK_ALG = 'ES256';
/** Real marks are under 200 characters; anything past this is refused unread. */
export const MAX_TOKEN_LENGTH = 4096;
/** An ES256 signature in JWS form: r and s, 32 bytes each, big-endian. */
export const ES256_SIGNATURE_BYTES = 64;

const utf8 = new TextEncoder();

/** `base64url(header).base64url(payload)`: the exact bytes the key signs. */
export function signingInput(claims: StarMarkClaims, kid: string): string {
  // Key order fixed by hand: the header is tiny and stable, so no generic serializer is needed.
  const header = JSON.stringify({ alg: STAR_MARK_ALG, kid });
  return `${base64url.encode(utf8.encode(header))}.${base64url.encode(utf8.encode(encodeClaims(claims)))}`;
}

export function compactToken(input: string, rawSignature: Uint8Array): string {
  if (rawSignature.length !== ES256_SIGNATURE_BYTES)
    throw new Error(`ES256 signature must be ${ES256_SIGNATURE_BYTES} bytes, got ${rawSignature.length}`);
  return `${input}.${base64url.encode(rawSignature)}`;
}
