/**
 * Receipts: a number check (the same as POST /v1/verifications answers) signed with the receipt key — never the
 * star-mark key, which the public function must not hold — so that it can be cited later. Stateless by choice: the
 * public function only reads the table (least privilege), and a signed JWS needs no storage to be proven — the
 * permalink carries it, its id is its hash. Checking a receipt needs only the published JWKS, so it runs here and,
 * with the same code, in the browser.
 */

import { DomainError } from '../../shared/errors';
import {
  type ReceiptCheck,
  type ReceiptPayload,
  receiptId,
  receiptPayload,
  receiptPermalink,
  receiptSigningInput,
  verifyReceipt,
} from '../../shared/receipts';
import { checkNumber, compactToken } from '../../shared/star-mark';
import { publishedJwks } from '../signing/verification';
import type { Deps } from './deps';

export interface IssuedReceipt {
  id: string;
  jws: string;
  permalink: string;
  receipt: ReceiptPayload;
}

export async function issueReceipt(deps: Deps, number: string): Promise<IssuedReceipt> {
  // No fallback to the star-mark ring: a deployment without receipt keys issues no receipts.
  if (!deps.receiptKeys)
    throw new DomainError('SIGNING_KEY_UNAVAILABLE', 'this deployment has no receipt key configured');
  const signer = await deps.receiptKeys.signer();
  const now = deps.clock();
  const certificate = await deps.store.getCertificate(number);
  // The check carries the public record as of `now`: the receipt's timestamp and its content are the same instant.
  const receipt = receiptPayload(checkNumber(number, certificate, now), now, deps.config.publicBaseUrl);
  const input = receiptSigningInput(receipt, signer.kid);
  const jws = compactToken(input, await signer.sign(new TextEncoder().encode(input)));
  return { id: await receiptId(jws), jws, permalink: receiptPermalink(deps.config.publicBaseUrl, jws), receipt };
}

export async function checkReceipt(deps: Deps, jws: string): Promise<ReceiptCheck> {
  return verifyReceipt(jws, await publishedJwks(deps));
}
