/**
 * The signature check, on the device: shared/star-mark's verifyStarMark (jose compactVerify over Web Crypto, ES256
 * only, keys only from the JWKS), its verdict kept as it is for the page to decide with. Imported from the modules
 * themselves, not from the star-mark index, which also brings in the server-side live checks.
 */
import { COMPACT_JWS_SHAPE } from '../../../shared/jws/compact';
import { refused } from '../../../shared/star-mark/verdict';
import { verifyStarMark } from '../../../shared/star-mark/verify';
import type { KeySet } from './keys';
import type { SignatureCheck } from './verdict';

export async function checkSignature(token: string, keys: KeySet, now: Date): Promise<SignatureCheck> {
  // Web Crypto exists only in secure contexts (https, localhost): without it nothing can be proven either way.
  if (!globalThis.crypto?.subtle) return 'unsupported';
  try {
    return await verifyStarMark(token, keys, now);
  } catch {
    // An unexpected key or a Web Crypto failure: nothing was proven.
    return refused('MALFORMED', 'the signature could not be checked on this device');
  }
}

/** Used to tell a star mark from any other QR code before checking it. */
export function looksLikeToken(text: string): boolean {
  return COMPACT_JWS_SHAPE.test(text);
}
