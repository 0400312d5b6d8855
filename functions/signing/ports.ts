/**
 * The signing ports. A key ring holds the registry of star-mark keys (which one signs, which are retired or
 * revoked) and hands out the signer of the active key. Two adapters: the local key store (an ES256 key generated
 * into `<dataDir>/keys/`) and KMS (asymmetric ECC_NIST_P256 keys named by SIGNING_KEY_IDS).
 */
import type { Actor } from '../../shared/model';
import type { SigningKeyRecord } from '../../shared/star-mark';

export interface StarMarkSigner {
  readonly kid: string;
  /** ES256 over the JWS signing input: the 64-byte r‖s that JWS wants (never DER). */
  sign(signingInput: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
}

export interface SigningKeyRing {
  /** `here`: rotate() makes a new key. `deployment`: keys are added by deploying a new SIGNING_KEY_IDS. */
  readonly rotation: 'here' | 'deployment';
  /** Every key with its status: what the JWKS publishes and what verification trusts. */
  records(): Promise<SigningKeyRecord[]>;
  /** The signer of the active key; SIGNING_KEY_UNAVAILABLE when no key may sign. */
  signer(): Promise<StarMarkSigner>;
  rotate(at: Date, by: Actor): Promise<SigningKeyRecord>;
  revoke(kid: string, reason: string, at: Date, by: Actor): Promise<SigningKeyRecord>;
}
