/**
 * The compact JWS of this registry, for every kind it signs (star marks, receipts): ES256 only, a protected header
 * of exactly the members a kind names, keys only from the JWKS. Writing and reading both live here, so the two
 * kinds cannot drift apart in how they encode, how much they accept, or what they refuse before any cryptography:
 * `alg` other than ES256 (none, HMAC with our public key as the secret, …), a key carried in the header (`jwk`,
 * `jku`, `x5c`, `x5u`), `crit`, `b64`, or a `typ` that is not the kind's own.
 */
import { base64url } from 'jose';
import { lowS } from './low-s';

export const ES256 = 'ES256';
/** An ES256 signature in JWS form: r and s, 32 bytes each, big-endian. */
export const ES256_SIGNATURE_BYTES = 64;
export const KID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Three base64url parts: how a scanner tells a JWS from any other QR code before reading it. */
export const COMPACT_JWS_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const B64URL = /^[A-Za-z0-9_-]+$/;
const KEY_CARRIERS = ['jwk', 'jku', 'x5c', 'x5u', 'x5t', 'x5t#S256'];
const utf8 = new TextEncoder();

/** What one kind of JWS looks like: its size limit and its `typ` (none for star marks, whose QR has no room). */
export interface JwsProfile {
  maxLength: number;
  typ?: string;
}

export interface CompactJws {
  kid: string;
  header: Readonly<Record<string, unknown>>;
  payload: Uint8Array;
  /** `header.payload` as sent: the bytes the signature is over. */
  signingInput: string;
  /** The signature's bytes (empty when the token sent none). */
  signature: Uint8Array;
}

/** Why a JWS was refused unread. WRONG_TYPE: well formed, but its `typ` is another kind's (or missing). */
export type JwsRefusalCode = 'MALFORMED' | 'BAD_SIGNATURE' | 'WRONG_TYPE';

export interface JwsRefusal {
  refused: JwsRefusalCode;
  reason: string;
  kid?: string;
}

/** `base64url(header).base64url(payload)`: the exact bytes a key signs. The header's key order is the caller's. */
export function jwsSigningInput(header: { alg: typeof ES256; kid: string; typ?: string }, payload: string): string {
  return `${base64url.encode(utf8.encode(JSON.stringify(header)))}.${base64url.encode(utf8.encode(payload))}`;
}

/** What a key signs for a statement of a kind: the kind's own `typ` in the header, so it reads as no other kind. */
export function signingInputOf(kind: JwsProfile, payload: string, kid: string): string {
  return jwsSigningInput({ alg: ES256, kid, ...(kind.typ ? { typ: kind.typ } : {}) }, payload);
}

/** The JWS of a signature, always in low-S form (low-s.ts): one signed statement, one JWS. */
export function compactJws(signingInput: string, rawSignature: Uint8Array): string {
  if (rawSignature.length !== ES256_SIGNATURE_BYTES)
    throw new Error(`ES256 signature must be ${ES256_SIGNATURE_BYTES} bytes, got ${rawSignature.length}`);
  return `${signingInput}.${base64url.encode(lowS(rawSignature))}`;
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

const refuse = (refused: JwsRefusalCode, reason: string, kid?: string): JwsRefusal => ({
  refused,
  reason,
  ...(kid !== undefined ? { kid } : {}),
});

/** The kid, header and payload of a JWS of the given kind, or why it is refused before any signature is checked. */
export function readCompactJws(token: unknown, profile: JwsProfile): CompactJws | JwsRefusal {
  if (typeof token !== 'string') return refuse('MALFORMED', 'the token is not a string');
  if (token.length > profile.maxLength)
    return refuse('MALFORMED', `the token is longer than ${profile.maxLength} characters`);
  const parts = token.split('.');
  if (parts.length !== 3) return refuse('MALFORMED', 'not a compact JWS (three dot-separated parts)');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const headerBytes = decodePart(headerPart);
  const payload = decodePart(payloadPart);
  // An empty signature is well-formed (it is what `alg: none` sends); it is judged with the alg below.
  const signature = signaturePart === '' ? new Uint8Array(0) : decodePart(signaturePart);
  if (!headerBytes || !payload || !signature) return refuse('MALFORMED', 'a part is not base64url');
  const header = parseObject(headerBytes);
  if (!header) return refuse('MALFORMED', 'the protected header is not a JSON object');
  const kid = typeof header.kid === 'string' && KID_PATTERN.test(header.kid) ? header.kid : undefined;
  if (header.alg !== ES256)
    return refuse('BAD_SIGNATURE', `alg ${JSON.stringify(header.alg ?? null)} is not accepted; only ES256`, kid);
  if (header.typ !== profile.typ)
    return refuse('WRONG_TYPE', `typ is ${JSON.stringify(header.typ ?? null)}, not ${profile.typ ?? 'absent'}`, kid);
  const carrier = KEY_CARRIERS.find((k) => k in header);
  if (carrier) return refuse('MALFORMED', `the header carries a key (${carrier}); keys come only from the JWKS`, kid);
  if ('crit' in header) return refuse('MALFORMED', 'the header has crit; no extension is understood');
  if ('b64' in header) return refuse('MALFORMED', 'the header has b64; only base64url payloads are accepted');
  const allowed = profile.typ === undefined ? ['alg', 'kid'] : ['alg', 'kid', 'typ'];
  const extra = Object.keys(header).filter((k) => !allowed.includes(k));
  if (extra.length) return refuse('MALFORMED', `unexpected header members: ${extra.join(', ')}`, kid);
  if (!kid) return refuse('MALFORMED', 'the header has no usable kid');
  return { kid, header, payload, signingInput: `${headerPart}.${payloadPart}`, signature };
}

export function isJwsRefusal(read: CompactJws | JwsRefusal): read is JwsRefusal {
  return 'refused' in read;
}
