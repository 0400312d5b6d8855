/**
 * Checking a star mark with nothing but the token, the JWKS and a clock: the same code runs on the verify page
 * (offline, against the keys it ships with) and on the server. The JWS rules (ES256 only, star-mark keys from the
 * JWKS only — a receipt key is UNKNOWN_KEY here —, never a key from the token) are shared/jws's; what is added here
 * is what the payload means. Expiry is judged by the clock passed in — on the server, the server's clock.
 */
import { chinaDate } from '../calendar';
import type { JwksInput } from '../jws/key-lookup';
import { verifyJws } from '../jws/verify';
import { decodeClaims } from './claims';
import { STAR_MARK_JWS } from './token';
import { refused, type StarMarkVerdict } from './verdict';

export type { JwksInput };

/** How the JWS itself is checked: `verifyJws`, or a server's cache in front of it (same answers). */
export type JwsVerifier = typeof verifyJws;

export async function verifyStarMark(
  token: string,
  jwks: JwksInput,
  now: Date,
  jws: JwsVerifier = verifyJws,
): Promise<StarMarkVerdict> {
  const check = await jws(token, STAR_MARK_JWS, jwks);
  if (!check.ok) {
    // A receipt (or any JWS with a typ) is not a star mark: malformed as one.
    const code = check.code === 'WRONG_TYPE' ? 'MALFORMED' : check.code;
    return refused(code, check.reason, check.kid);
  }
  const { kid } = check;
  const claims = decodeClaims(new TextDecoder().decode(check.payload));
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
