/**
 * Key ids: the first 8 characters of the key's RFC 7638 thumbprint (SHA-256, base64url). Derived from the public key
 * itself, so the local key store and KMS name the same key the same way, and nobody has to choose names.
 */
import { calculateJwkThumbprint, type JWK } from 'jose';

export const KID_LENGTH = 8;
export { KID_PATTERN } from '../jws/compact';

export async function kidOf(publicJwk: JWK): Promise<string> {
  return (await calculateJwkThumbprint(publicJwk, 'sha256')).slice(0, KID_LENGTH);
}
