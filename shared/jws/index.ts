/** The registry's compact JWS (ES256, keys from the JWKS), for star marks and receipts alike. Browser-safe. */
export {
  COMPACT_JWS_SHAPE,
  type CompactJws,
  compactJws,
  ES256,
  ES256_SIGNATURE_BYTES,
  type JwsProfile,
  type JwsRefusal,
  type JwsRefusalCode,
  jwsSigningInput,
  KID_PATTERN,
  readCompactJws,
  signingInputOf,
} from './compact';
export { type EcPublicJwk, ecPublicJwk } from './ec-key';
export { findKey, type JwksInput, type KeyLookup, type KeyPurposeRule } from './key-lookup';
export { flipS, isLowS, lowS, P256_ORDER } from './low-s';
export { type JwsCheck, type JwsCheckCode, type JwsKind, verifyJws } from './verify';
