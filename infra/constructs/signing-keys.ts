/**
 * The keys of one signing purpose (ES256 JWS): star marks, or receipts. The stack makes one set per purpose, so a
 * function can be allowed to sign receipts (the public one) without being able to sign star marks. They are
 * asymmetric so the private half never leaves KMS: functions ask KMS to sign and publish only the public half in
 * /.well-known/jwks.json.
 *
 * Rotation is a deployment (functions/handlers/aws-deps.ts): raising the `signingKeyGenerations` context (or
 * `receiptKeyGenerations`) adds a new key, which goes first in SIGNING_KEY_IDS (RECEIPT_KEY_IDS) and signs from
 * then on; older keys stay, listed after it, so marks already printed keep verifying. A key is never removed.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { KeyPurpose } from '../../shared/star-mark/jwks';

const SIGNS: Record<KeyPurpose, string> = { 'star-mark': 'star-mark certificates', receipt: 'verification receipts' };

export class SigningKeys extends Construct {
  /** Newest first: the signing key, then the retired ones. */
  readonly keys: Key[];

  constructor(scope: Construct, id: string, props: { generations: number; purpose: KeyPurpose }) {
    super(scope, id);
    const keys: Key[] = [];
    for (let generation = 1; generation <= props.generations; generation++) {
      // Generation 1 keeps the id `Key`, so adding generations never replaces an existing key.
      keys.push(
        new Key(this, generation === 1 ? 'Key' : `Key${generation}`, {
          description: `Signs ${SIGNS[props.purpose]} (ES256), generation ${generation}; public key served in the JWKS`,
          keySpec: KeySpec.ECC_NIST_P256,
          keyUsage: KeyUsage.SIGN_VERIFY,
          // Marks printed on packaging (and receipts cited in tenders) must keep verifying for years.
          removalPolicy: RemovalPolicy.RETAIN,
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

  /** Sign with the current key of this set only, and read every public key to publish the JWKS. */
  grantSign(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['kms:Sign'], resources: [this.current.keyArn] }),
    );
    this.grantPublicKey(grantee);
  }

  /** Read the public keys only: enough to serve the JWKS and check signatures. */
  grantPublicKey(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['kms:GetPublicKey'], resources: this.keys.map((key) => key.keyArn) }),
    );
  }
}
