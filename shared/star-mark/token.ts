/**
 * The star-mark token: a JWS in compact serialization (shared/jws), ES256, with only `alg` and `kid` in its
 * protected header — no `typ`: the QR code has no byte to spare. Signing itself happens elsewhere (a local key or
 * KMS); this module builds what is signed and assembles the result, so both signers produce the same shape.
 */
import { compactJws, ES256, ES256_SIGNATURE_BYTES, type JwsKind, jwsSigningInput } from '../jws';
import { encodeClaims, type StarMarkClaims } from './claims';

export const STAR_MARK_ALG = ES256;
export { ES256_SIGNATURE_BYTES };
/** Real marks are under 200 characters; anything past this is refused unread. */
export const MAX_TOKEN_LENGTH = 4096;

/**
 * How a star mark is read and whose keys vouch for it. A key published without `purpose` is a star-mark key: every
 * key published before receipts had their own ring signed star marks.
 */
export const STAR_MARK_JWS: JwsKind = {
  name: 'star mark',
  maxLength: MAX_TOKEN_LENGTH,
  purpose: 'star-mark',
  unmarked: true,
};

/** `base64url(header).base64url(payload)`: the exact bytes the key signs. */
export function signingInput(claims: StarMarkClaims, kid: string): string {
  return jwsSigningInput({ alg: STAR_MARK_ALG, kid }, encodeClaims(claims));
}

export const compactToken = compactJws;
