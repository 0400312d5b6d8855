/**
 * The signing ports. A key ring holds the registry of one purpose's keys (which one signs, which are retired or
 * revoked) and hands out the signer of the active key. There are two rings, one per purpose — star marks and
 * receipts — kept apart so that whoever may sign receipts (the public function) cannot sign star marks. Two
 * adapters: the local key store (ES256 keys generated into `<dataDir>/keys/<purpose>/`) and KMS (asymmetric
 * ECC_NIST_P256 keys named by SIGNING_KEY_IDS, or RECEIPT_KEY_IDS for receipts).
 */
import type { Actor } from '../../shared/model';
import type { KeyPurpose, SigningKeyRecord } from '../../shared/star-mark';

export interface StarMarkSigner {
  readonly kid: string;
  /** ES256 over the JWS signing input: the 64-byte r‖s that JWS wants (never DER). */
  sign(signingInput: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
}

export interface SigningKeyRing {
  /** What the ring's keys sign; the JWKS publishes it with each key and the verifiers enforce it. */
  readonly purpose: KeyPurpose;
  /** `here`: rotate() makes a new key. `deployment`: keys are added by deploying a new SIGNING_KEY_IDS (RECEIPT_KEY_IDS). */
  readonly rotation: 'here' | 'deployment';
  /** Every key with its status: what the JWKS publishes and what verification trusts. */
  records(): Promise<SigningKeyRecord[]>;
  /** The signer of the active key; SIGNING_KEY_UNAVAILABLE when no key may sign. */
  signer(): Promise<StarMarkSigner>;
  rotate(at: Date, by: Actor): Promise<SigningKeyRecord>;
  revoke(kid: string, reason: string, at: Date, by: Actor): Promise<SigningKeyRecord>;
}
