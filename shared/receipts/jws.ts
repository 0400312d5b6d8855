/**
 * The receipt as a JWS (compact, ES256), signed by the registry's receipt keys — a ring of its own, apart from the
 * star-mark keys, because the public function that signs receipts must never be able to sign a star mark — and
 * checked against the same JWKS, where each key names its purpose; the JWS itself is shared/jws's, as the star
 * mark's is. Its header names its type, `starmark-receipt+jws`, so a receipt can never pass for a star mark (whose
 * reader refuses any `typ`) nor a star mark for a receipt. The JWS IS the receipt: its id is the SHA-256 of the JWS
 * (one id, as signatures are low-S only), its long permalink carries the JWS in the URL fragment, which no server
 * sees, and its short permalink `/r/<id>` fetches the JWS kept as a public object — either way the page re-checks
 * the signature itself, so the object store is trusted with nothing.
 */
import { base64url } from 'jose';
import { type JwsKind, signingInputOf } from '../jws';
import { PAGE_FILES, RECEIPT_PATH_PREFIX } from '../pages';
import { encodePayload, type ReceiptPayload } from './payload';

export const RECEIPT_TYP = 'starmark-receipt+jws';
/** A receipt with a long status history is a few kilobytes; anything far past that is refused unread. */
export const MAX_RECEIPT_LENGTH = 64 * 1024;
/** Where receipts are shown: the procurement page, which re-checks the signature in the browser. */
export const RECEIPT_PAGE = PAGE_FILES.procurement;
const FRAGMENT_KEY = 'receipt=';

/** How a receipt is read and whose keys vouch for it: receipt keys only, always published marked as such. */
export const RECEIPT_JWS: JwsKind = {
  name: 'receipt',
  maxLength: MAX_RECEIPT_LENGTH,
  typ: RECEIPT_TYP,
  purpose: 'receipt',
  unmarked: false,
};

const utf8 = new TextEncoder();

export function receiptSigningInput(payload: ReceiptPayload, kid: string): string {
  return signingInputOf(RECEIPT_JWS, encodePayload(payload), kid);
}

/** The receipt id: SHA-256 of the whole JWS, base64url. Anyone holding the receipt can recompute it. */
export async function receiptId(jws: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', utf8.encode(jws));
  return base64url.encode(new Uint8Array(digest));
}

export function receiptPermalink(publicBaseUrl: string, jws: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${RECEIPT_PAGE}#${FRAGMENT_KEY}${jws}`;
}

/** The object a receipt is kept under, public at the same path: `receipts/<id>`. */
export function receiptObjectKey(id: string): string {
  return `receipts/${id}`;
}

/** The short permalink, `<base>/r/<id>`: what the receipt's QR code and its printout carry. */
export function receiptShortLink(publicBaseUrl: string, id: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${RECEIPT_PATH_PREFIX}${id}`;
}

const RECEIPT_ID = /^[A-Za-z0-9_-]{43}$/;

/** The receipt id of a short permalink's path, or null when the path is not one. */
export function receiptIdFromPath(pathname: string): string | null {
  if (!pathname.startsWith(RECEIPT_PATH_PREFIX)) return null;
  const id = pathname.slice(RECEIPT_PATH_PREFIX.length);
  return RECEIPT_ID.test(id) ? id : null;
}

/** The JWS in a permalink's fragment (`#receipt=<jws>`), or null when the fragment is not a receipt. */
export function receiptFromFragment(hash: string): string | null {
  const fragment = hash.replace(/^#/, '');
  return fragment.startsWith(FRAGMENT_KEY) ? fragment.slice(FRAGMENT_KEY.length) : null;
}
