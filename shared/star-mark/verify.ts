/**
 * Checking a star mark with nothing but the token, the JWKS and a clock: the same code runs on the verify page
 * (offline, against the keys it ships with) and on the server. Only ES256, only star-mark keys from the JWKS (a
 * receipt key is UNKNOWN_KEY here), never a key from the token. Expiry is judged by the clock passed in — on the server, the server's clock.
 */
import { compactVerify, importJWK } from 'jose';
import { chinaDate } from '../calendar';
import { decodeClaims } from './claims';
import { ecPublicJwk } from './jwks';
import { findKey, type JwksInput } from './key-lookup';
import { readToken } from './structure';
import { STAR_MARK_ALG } from './token';
import { refused, type StarMarkVerdict } from './verdict';

export type { JwksInput };

export async function verifyStarMark(token: string, jwks: JwksInput, now: Date): Promise<StarMarkVerdict> {
  const read = readToken(token);
  if ('verdict' in read) return read;
  const { kid } = read;
  const found = findKey(jwks, kid, 'star-mark');
  if (found === 'revoked') return refused('REVOKED_KEY', `key ${kid} was revoked; its marks no longer count`, kid);
  if (found === 'unknown') return refused('UNKNOWN_KEY', `key ${kid} is not one of ours`, kid);
  // UNKNOWN_KEY, not BAD_SIGNATURE: the key is genuine, but not a star-mark key, so nothing it signed is a mark.
  if ('otherPurpose' in found)
    return refused('UNKNOWN_KEY', `key ${kid} signs ${found.otherPurpose}s, not star marks`, kid);
  const jwk = ecPublicJwk(found.key);
  if (!jwk) return refused('UNKNOWN_KEY', `key ${kid} is not an EC P-256 public key`, kid);
  try {
    const key = await importJWK(jwk, STAR_MARK_ALG);
    await compactVerify(token, key, { algorithms: [STAR_MARK_ALG] });
  } catch {
    return refused('BAD_SIGNATURE', `the signature does not verify with key ${kid}`, kid);
  }
  const claims = decodeClaims(new TextDecoder().decode(read.payload));
  // Signed by our key yet unreadable: not something we ever issue, so it proves nothing.
  if (!claims) return refused('MALFORMED', 'the payload is not a star-mark payload', kid);
  if (chinaDate(now) > claims.validUntil) {
    return {
      authentic: true,
      verdict: 'EXPIRED',
      claims,
      kid,
      reason: `the mark's validity ended on ${claims.validUntil}`,
    };
  }
  return { authentic: true, verdict: 'VALID', claims, kid };
}
