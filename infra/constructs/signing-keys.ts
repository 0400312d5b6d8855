/**
 * The keys of one signing purpose (ES256 JWS): star marks, or receipts. The stack makes one set per purpose, so a
 * function can be allowed to sign receipts (the public one) without being able to sign star marks. They are
 * asymmetric so the private half never leaves KMS: functions ask KMS to sign and publish only the public half in
 * /.well-known/jwks.json.
 *
 * Rotation is a deployment (functions/handlers/aws-deps.ts): raising the `signingKeyGenerations` context (or
 * `receiptKeyGenerations`) adds a new key, which goes first in SIGNING_KEY_IDS (RECEIPT_KEY_IDS) and signs from
 * then on; older keys stay, listed after it, so marks already printed keep verifying. A key is never removed.
 *
 * The key policies name their users: `kms:Sign` on the current key for the signing roles only (ECDSA_SHA_256 over a
 * digest, the one way the functions sign), `kms:GetPublicKey` on every key for the roles that publish or check;
 * the administrators manage the keys and cannot sign. Nobody else in the account can use them, whatever their IAM.
 */
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { type Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { KeyPurpose } from '../../shared/star-mark/jwks';
import { administeredKey, allowUse, type KeyAdministrators } from './key-policy';

const SIGNS: Record<KeyPurpose, string> = {
  'star-mark': 'star-mark certificates',
  receipt: 'verification receipts',
  status: 'status snapshots',
};

export class SigningKeys extends Construct {
  /** Newest first: the signing key, then the retired ones. */
  readonly keys: Key[];

  constructor(
    scope: Construct,
    id: string,
    props: { generations: number; purpose: KeyPurpose; admins: KeyAdministrators },
  ) {
    super(scope, id);
    const keys: Key[] = [];
    for (let generation = 1; generation <= props.generations; generation++) {
      // Generation 1 keeps the id `Key`, so adding generations never replaces an existing key. Retained (the
      // default of administeredKey): marks printed on packaging, and receipts cited in tenders, verify for years.
      keys.push(
        administeredKey(this, generation === 1 ? 'Key' : `Key${generation}`, props.admins, {
          description: `Signs ${SIGNS[props.purpose]} (ES256), generation ${generation}; public key served in the JWKS`,
          keySpec: KeySpec.ECC_NIST_P256,
          keyUsage: KeyUsage.SIGN_VERIFY,
        }),
      );
    }
    this.keys = keys.reverse();
  }

  get current(): Key {
    return this.keys[0]!;
  }

  /** The SIGNING_KEY_IDS (RECEIPT_KEY_IDS) value the functions read. */
  get keyIds(): string {
    return this.keys.map((key) => key.keyArn).join(',');
  }

  /**
   * The roles that sign with the current key of this set (and read every public key). Called once per set, with
   * every signer, so that the key policy has one statement that says who signs.
   */
  grantSign(signers: IRole[]): void {
    allowUse(this.current, 'Sign', signers, ['kms:Sign'], {
      StringEquals: { 'kms:SigningAlgorithm': 'ECDSA_SHA_256', 'kms:MessageType': 'DIGEST' },
    });
  }

  /** The roles that read the public keys only: enough to serve the JWKS and check signatures. */
  grantPublicKey(readers: IRole[]): void {
    for (const key of this.keys) allowUse(key, 'ReadPublicKey', readers, ['kms:GetPublicKey']);
  }
}
