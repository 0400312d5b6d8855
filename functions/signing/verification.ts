/**
 * Online verification for clients that cannot check signatures themselves, and for bulk checks: a token is checked
 * against our JWKS and then against the live record; numbers are looked up in one batch. Expiry is always judged
 * by the server's clock — nothing the client sends says what day it is.
 */
import type { Certificate } from '../../shared/model';
import { CERTIFICATE_NUMBER_RE } from '../../shared/schemas/common';
import type { BulkQueryAnswer } from '../../shared/search/bulk';
import {
  checkMark,
  checkNumber,
  jwksOf,
  mergeJwks,
  type StarMarkJwks,
  type VerificationAnswer,
  verifyStarMark,
} from '../../shared/star-mark';
import { bakedJwksText } from '../../shared/star-mark/baked-jwks';
import type { VerificationRequest } from '../../shared/star-mark/schemas';
import { matchQueries } from '../service/bulk-match';
import type { Deps } from '../service/deps';
import { starMarkRing } from './star-mark-ring';
import { signatureCache } from './verified-signatures';

/** One per function instance: the signatures of the marks it has checked (verified-signatures.ts). */
const signatures = signatureCache();

/** Both rings, each key marked with its purpose; star-mark keys first, as readers that take the first key expect. */
export async function publishedJwks(deps: Deps): Promise<StarMarkJwks> {
  const ring = starMarkRing(deps);
  const others = [deps.receiptKeys, deps.statusKeys].filter((r) => r !== undefined);
  const sets = await Promise.all(others.map(async (r) => jwksOf(await r.records(), r.purpose)));
  return mergeJwks(jwksOf(await ring.records(), ring.purpose), ...sets);
}

/**
 * The text of `/jwks.json`, the key set shipped with the page: served by `npm start`, written beside the pages by
 * the deployment in AWS. Public key material only.
 */
export async function bakedKeySetText(deps: Deps): Promise<string> {
  return bakedJwksText(await publishedJwks(deps));
}

export async function verify(deps: Deps, request: VerificationRequest): Promise<VerificationAnswer | BulkQueryAnswer> {
  if ('queries' in request) return matchQueries(deps, request.queries);
  const now = deps.clock();
  const checkedAt = now.toISOString();
  if ('token' in request) {
    const mark = await verifyStarMark(request.token, await publishedJwks(deps), now, signatures.verify);
    const certificate = mark.authentic && mark.claims ? await deps.store.getCertificate(mark.claims.number) : undefined;
    return { checkedAt, items: [checkMark(mark, certificate, now)] };
  }
  const wellFormed = request.numbers.map((n) => n.trim()).filter((n) => CERTIFICATE_NUMBER_RE.test(n));
  const found: Map<string, Certificate> = wellFormed.length ? await deps.store.getCertificates(wellFormed) : new Map();
  return { checkedAt, items: request.numbers.map((n) => checkNumber(n, found.get(n.trim()), now)) };
}
