/**
 * Checking a receipt with nothing but the JWS and the registry's JWKS: the same code runs in the browser (the
 * permalink page) and behind POST /v1/receipts/verify. The JWS rules are shared/jws's: only ES256, only receipt keys
 * from the JWKS — a star-mark key is UNKNOWN_KEY here, as is a key published without `purpose: "receipt"` (a retired
 * key still counts: receipts outlive rotations; a revoked one does not: what it signed may be forged) — and only the
 * one header shape we issue.
 */
import { base64url } from 'jose';
import { COMPACT_JWS_SHAPE, isLowS, type JwksInput, verifyJws } from '../jws';
import { MAX_RECEIPT_LENGTH, RECEIPT_JWS, receiptId } from './jws';
import { type ReceiptPayload, receiptPayloadSchema } from './payload';

export const RECEIPT_CHECK_CODES = [
  'VALID',
  'MALFORMED',
  'NOT_A_RECEIPT',
  'BAD_SIGNATURE',
  'UNKNOWN_KEY',
  'REVOKED_KEY',
  /** Genuine, but the high-S twin of a signature the registry wrote: refused, so each receipt has one id. */
  'NON_CANONICAL_SIGNATURE',
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

export async function verifyReceipt(jws: unknown, jwks: JwksInput): Promise<ReceiptCheck> {
  // Only a JWS of a reasonable size gets an id: hashing anything at all would make the id mean nothing.
  if (typeof jws !== 'string' || jws.length > MAX_RECEIPT_LENGTH || !COMPACT_JWS_SHAPE.test(jws))
    return refuse('MALFORMED', 'not a compact JWS of a reasonable size');
  const id = await receiptId(jws);
  const check = await verifyJws(jws, RECEIPT_JWS, jwks);
  if (!check.ok) {
    const code = check.code === 'WRONG_TYPE' ? 'NOT_A_RECEIPT' : check.code;
    return refuse(code, check.reason, { id, ...(check.kid !== undefined ? { kid: check.kid } : {}) });
  }
  const { kid } = check;
  // Only after the signature verified: a forged high-S signature is a bad signature, a genuine one's twin is this.
  if (!isLowS(base64url.decode(jws.slice(jws.lastIndexOf('.') + 1))))
    return refuse('NON_CANONICAL_SIGNATURE', 'the signature is not in low-S form; the registry writes only that', {
      id,
      kid,
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(check.payload));
  } catch {
    parsed = undefined;
  }
  const receipt = receiptPayloadSchema.safeParse(parsed);
  // Signed by our key yet not a receipt we would write: it proves nothing.
  if (!receipt.success) return refuse('MALFORMED', 'the payload is not a receipt', { id, kid });
  return { valid: true, code: 'VALID', id, kid, receipt: receipt.data as ReceiptPayload };
}
