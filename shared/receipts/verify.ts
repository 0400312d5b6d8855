/**
 * Checking a receipt with nothing but the JWS and the registry's JWKS: the same code runs in the browser (the
 * permalink page) and behind POST /v1/receipts/verify. Only ES256, only receipt keys from the JWKS — a star-mark key
 * is UNKNOWN_KEY here, as is a key published without `purpose: "receipt"` (a retired key still
 * counts: receipts outlive rotations; a revoked one does not: what it signed may be forged), and only the one
 * header shape we issue.
 */
import { base64url, compactVerify, importJWK } from 'jose';
import { ecPublicJwk, findKey, type JwksInput, STAR_MARK_ALG } from '../star-mark';
import { KID_PATTERN } from '../star-mark/kid';
import { MAX_RECEIPT_LENGTH, RECEIPT_TYP, receiptId } from './jws';
import { type ReceiptPayload, receiptPayloadSchema } from './payload';

export const RECEIPT_CHECK_CODES = [
  'VALID',
  'MALFORMED',
  'NOT_A_RECEIPT',
  'BAD_SIGNATURE',
  'UNKNOWN_KEY',
  'REVOKED_KEY',
] as const;
export type ReceiptCheckCode = (typeof RECEIPT_CHECK_CODES)[number];

export interface ReceiptCheck {
  valid: boolean;
  code: ReceiptCheckCode;
  /** SHA-256 of the JWS as presented: what a tender file cites. */
  id?: string;
  kid?: string;
  /** What the registry said; present only when the signature verified. */
  receipt?: ReceiptPayload;
  reason?: string;
}

const refuse = (code: ReceiptCheckCode, reason: string, rest: Partial<ReceiptCheck> = {}): ReceiptCheck => ({
  valid: false,
  code,
  reason,
  ...rest,
});

function readHeader(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(part)));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function verifyReceipt(jws: unknown, jwks: JwksInput): Promise<ReceiptCheck> {
  if (
    typeof jws !== 'string' ||
    jws.length > MAX_RECEIPT_LENGTH ||
    !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jws)
  ) {
    return refuse('MALFORMED', 'not a compact JWS of a reasonable size');
  }
  const id = await receiptId(jws);
  const header = readHeader(jws.split('.')[0]!);
  if (!header) return refuse('MALFORMED', 'the protected header is not a JSON object', { id });
  if (header.typ !== RECEIPT_TYP)
    return refuse('NOT_A_RECEIPT', `typ is ${JSON.stringify(header.typ ?? null)}, not ${RECEIPT_TYP}`, { id });
  if (header.alg !== STAR_MARK_ALG) return refuse('BAD_SIGNATURE', 'only ES256 is accepted', { id });
  const extra = Object.keys(header).filter((k) => !['alg', 'kid', 'typ'].includes(k));
  if (extra.length) return refuse('MALFORMED', `unexpected header members: ${extra.join(', ')}`, { id });
  const kid = typeof header.kid === 'string' && KID_PATTERN.test(header.kid) ? header.kid : null;
  if (!kid) return refuse('MALFORMED', 'the header has no usable kid', { id });

  const found = findKey(jwks, kid, 'receipt');
  if (found === 'revoked')
    return refuse('REVOKED_KEY', `key ${kid} was revoked; what it signed no longer proves anything`, { id, kid });
  // A star-mark key (or an unmarked one) never signs receipts: refused before any signature is checked.
  if (found !== 'unknown' && 'otherPurpose' in found)
    return refuse('UNKNOWN_KEY', `key ${kid} is not a receipt key`, { id, kid });
  const jwk = found !== 'unknown' && ecPublicJwk(found.key);
  if (!jwk) return refuse('UNKNOWN_KEY', `key ${kid} is not one of the registry's`, { id, kid });
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(jws, await importJWK(jwk, STAR_MARK_ALG), { algorithms: [STAR_MARK_ALG] }));
  } catch {
    return refuse(
      'BAD_SIGNATURE',
      `the signature does not verify with key ${kid}: the receipt was altered or not issued by the registry`,
      { id, kid },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    parsed = undefined;
  }
  const receipt = receiptPayloadSchema.safeParse(parsed);
  // Signed by our key yet not a receipt we would write: it proves nothing.
  if (!receipt.success) return refuse('MALFORMED', 'the payload is not a receipt', { id, kid });
  return { valid: true, code: 'VALID', id, kid, receipt: receipt.data as ReceiptPayload };
}
