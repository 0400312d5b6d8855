/**
 * Star marks, browser-safe: the token codec, the JWKS shape, offline verification and the online verdicts.
 * Only `jose` (Web Crypto) and the project's own pure modules are imported, so the verify page bundles it as is.
 */

export type { JwksInput } from '../jws/key-lookup';
export { claimsOf, decodeClaims, encodeClaims, type StarMarkClaims } from './claims';
export {
  type EcPublicJwk,
  ecPublicJwk,
  jwksOf,
  KEY_PURPOSES,
  KEY_STATUSES,
  type KeyPurpose,
  type KeyStatus,
  mergeJwks,
  type PublishedKey,
  type RevokedKey,
  type SigningKeyRecord,
  type StarMarkJwks,
} from './jwks';
export { activeKey, revokeKey, rotateKeys } from './key-registry';
export { KID_LENGTH, KID_PATTERN, kidOf } from './kid';
export {
  checkMark,
  checkNumber,
  type LiveCheck,
  type MarkChange,
  type NumberCheck,
  type VerificationAnswer,
} from './live';
export {
  compactToken,
  ES256_SIGNATURE_BYTES,
  MAX_TOKEN_LENGTH,
  STAR_MARK_ALG,
  STAR_MARK_JWS,
  signingInput,
} from './token';
export { starMarkUrl, tokenFromStarMarkUrl } from './url';
export {
  changesSince,
  judgeMark,
  type LiveRecord,
  type MarkJudgement,
  REFUSAL_VERDICTS,
  type RefusalVerdict,
  STATUS_VERDICTS,
  type StarMarkVerdict,
  type StatusVerdict,
  statusVerdict,
  type VerdictCode,
} from './verdict';
export { verifyStarMark } from './verify';
