/**
 * Reading a token before any cryptography: its shape, its size and its protected header. We issue exactly one
 * header shape — `{"alg":"ES256","kid":"…"}` — so anything else is refused here: `alg` other than ES256 (none, HMAC
 * with our public key as the secret, …), a key carried in the header (`jwk`, `jku`, `x5c`, `x5u`), `crit`, `b64`.
 */
import { base64url } from 'jose';
import { KID_PATTERN } from './kid';
import { MAX_TOKEN_LENGTH, STAR_MARK_ALG } from './token';
import { refused, type StarMarkVerdict } from './verdict';

const B64URL = /^[A-Za-z0-9_-]+$/;
const KEY_CARRIERS = ['jwk', 'jku', 'x5c', 'x5u', 'x5t', 'x5t#S256'];

export interface ReadToken {
  kid: string;
  payload: Uint8Array;
}

function decodePart(part: string): Uint8Array | null {
  // A base64url string of length 4n+1 cannot come from any byte sequence.
  if (!B64URL.test(part) || part.length % 4 === 1) return null;
  try {
    return base64url.decode(part);
  } catch {
    return null;
  }
}

function parseObject(bytes: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function readToken(token: unknown): ReadToken | StarMarkVerdict {
  if (typeof token !== 'string') return refused('MALFORMED', 'the token is not a string');
  if (token.length > MAX_TOKEN_LENGTH)
    return refused('MALFORMED', `the token is longer than ${MAX_TOKEN_LENGTH} characters`);
  const parts = token.split('.');
  if (parts.length !== 3) return refused('MALFORMED', 'not a compact JWS (three dot-separated parts)');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const headerBytes = decodePart(headerPart);
  const payload = decodePart(payloadPart);
  // An empty signature is well-formed (it is what `alg: none` sends); it is judged with the alg below.
  if (!headerBytes || !payload || (signaturePart !== '' && !decodePart(signaturePart)))
    return refused('MALFORMED', 'a part is not base64url');
  const header = parseObject(headerBytes);
  if (!header) return refused('MALFORMED', 'the protected header is not a JSON object');
  const kid = typeof header.kid === 'string' && KID_PATTERN.test(header.kid) ? header.kid : undefined;
  if (header.alg !== STAR_MARK_ALG)
    return refused('BAD_SIGNATURE', `alg ${JSON.stringify(header.alg ?? null)} is not accepted; only ES256`, kid);
  const carrier = KEY_CARRIERS.find((k) => k in header);
  if (carrier) return refused('MALFORMED', `the header carries a key (${carrier}); keys come only from the JWKS`, kid);
  if ('crit' in header) return refused('MALFORMED', 'the header has crit; no extension is understood');
  if ('b64' in header) return refused('MALFORMED', 'the header has b64; only base64url payloads are accepted');
  const extra = Object.keys(header).filter((k) => k !== 'alg' && k !== 'kid');
  if (extra.length) return refused('MALFORMED', `unexpected header members: ${extra.join(', ')}`, kid);
  if (!kid) return refused('MALFORMED', 'the header has no usable kid');
  return { kid, payload };
}
