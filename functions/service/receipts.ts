/**
 * Receipts: a number check (the same as POST /v1/verifications answers) signed with the receipt key — never the
 * star-mark key, which the public function must not hold — so that it can be cited later. The public function only
 * reads the table (least privilege): a signed JWS needs no record to be proven — the long permalink carries it, its
 * id is its hash — and is kept only as a public object (`receipts/<id>`) for the short permalink and its QR. Checking a receipt needs only the published JWKS, so it runs here and,
 * with the same code, in the browser.
 */

import { DomainError } from '../../shared/errors';
import {
  type ReceiptCheck,
  type ReceiptPayload,
  receiptId,
  receiptObjectKey,
  receiptPayload,
  receiptPermalink,
  receiptShortLink,
  receiptSigningInput,
  verifyReceipt,
} from '../../shared/receipts';
import { checkNumber, compactToken } from '../../shared/star-mark';
import { publishedJwks } from '../signing/verification';
import type { Deps } from './deps';
import { certificateLog } from './public-log';

export interface IssuedReceipt {
  id: string;
  jws: string;
  permalink: string;
  /** The short permalink; absent where the deployment keeps no objects. */
  link?: string;
  receipt: ReceiptPayload;
}

/** A receipt never changes: kept once, cached forever. */
const KEPT_RECEIPT = {
  contentType: 'application/jose; charset=us-ascii',
  cacheControl: 'public, max-age=31536000, immutable',
};

export async function issueReceipt(deps: Deps, number: string): Promise<IssuedReceipt> {
  // No fallback to the star-mark ring: a deployment without receipt keys issues no receipts.
  if (!deps.receiptKeys)
    throw new DomainError('SIGNING_KEY_UNAVAILABLE', 'this deployment has no receipt key configured');
  const signer = await deps.receiptKeys.signer();
  const now = deps.clock();
  const certificate = await deps.store.getCertificate(number);
  // The check carries the public record as of `now`: the receipt's timestamp and its content are the same instant.
  const log = certificate ? (await certificateLog(deps, certificate)).log : undefined;
  const receipt = receiptPayload(
    checkNumber(number, certificate, now),
    now,
    deps.config.publicBaseUrl,
    log,
    deps.config.certificationBody,
  );
  const input = receiptSigningInput(receipt, signer.kid);
  const jws = compactToken(input, await signer.sign(new TextEncoder().encode(input)));
  const id = await receiptId(jws);
  const base = deps.config.publicBaseUrl;
  // Kept under its id as a public object, for the short permalink; the table is still never written.
  if (deps.objects) await deps.objects.put(receiptObjectKey(id), jws, KEPT_RECEIPT);
  const link = deps.objects ? { link: receiptShortLink(base, id) } : {};
  return { id, jws, permalink: receiptPermalink(base, jws), ...link, receipt };
}

export async function checkReceipt(deps: Deps, jws: string): Promise<ReceiptCheck> {
  return verifyReceipt(jws, await publishedJwks(deps));
}
