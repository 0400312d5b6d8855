/**
 * The signature check, on the device: shared/star-mark's verifyStarMark (jose compactVerify over Web Crypto, ES256
 * only, keys only from the JWKS) mapped onto what the page decides with. Imported from the module itself, not from
 * the star-mark index, which also brings in the server-side live checks.
 */
import { verifyStarMark } from '../../../shared/star-mark/verify';
import type { KeySet } from './keys';
import type { SignatureCheck } from './verdict';

export async function checkSignature(token: string, keys: KeySet, now: Date): Promise<SignatureCheck> {
  // Web Crypto exists only in secure contexts (https, localhost): without it nothing can be proven either way.
  if (!globalThis.crypto?.subtle) return { outcome: 'unsupported' };
  let result: Awaited<ReturnType<typeof verifyStarMark>>;
  try {
    result = await verifyStarMark(token, keys, now);
  } catch {
    // Web Crypto missing (an insecure context) or an unexpected key: nothing was proven.
    return { outcome: 'forged', code: 'MALFORMED' };
  }
  if (result.authentic && result.claims) {
    return { outcome: 'authentic', claims: { ...result.claims, ...(result.kid ? { kid: result.kid } : {}) } };
  }
  switch (result.verdict) {
    case 'UNKNOWN_KEY':
      return { outcome: 'unknown-key', ...(result.kid ? { kid: result.kid } : {}) };
    case 'REVOKED_KEY':
    case 'BAD_SIGNATURE':
      return { outcome: 'forged', code: result.verdict };
    default:
      return { outcome: 'forged', code: 'MALFORMED' };
  }
}

/** A compact JWS: three base64url parts. Used to tell a star mark from any other QR code before checking it. */
export function looksLikeToken(text: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text);
}
