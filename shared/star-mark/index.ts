/**
 * Star marks, browser-safe: the token codec, the JWKS shape, offline verification and the online verdicts.
 * Only `jose` (Web Crypto) and the project's own pure modules are imported, so the verify page bundles it as is.
 */
export { claimsOf, decodeClaims, encodeClaims, type StarMarkClaims } from './claims';
export { compactToken, ES256_SIGNATURE_BYTES, MAX_TOKEN_LENGTH, signingInput, STAR_MARK_ALG } from './token';
export { starMarkUrl, tokenFromStarMarkUrl } from './url';
export { KID_LENGTH, KID_PATTERN, kidOf } from './kid';
export { ecPublicJwk, jwksOf, KEY_PURPOSES, KEY_STATUSES, mergeJwks, type EcPublicJwk, type KeyPurpose, type KeyStatus, type PublishedKey, type RevokedKey, type SigningKeyRecord, type StarMarkJwks } from './jwks';
export { activeKey, revokeKey, rotateKeys } from './key-registry';
export { REFUSAL_VERDICTS, STATUS_VERDICTS, type RefusalVerdict, type StarMarkVerdict, type VerdictCode } from './verdict';
export { verifyStarMark, type JwksInput } from './verify';
export { findKey, type KeyLookup } from './key-lookup';
export { changesSince, checkMark, checkNumber, type LiveCheck, type MarkChange } from './live';
