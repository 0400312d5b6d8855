/**
 * A KMS key as a signing key (of either ring: star marks or receipts): its public half as a JWK (GetPublicKey
 * answers SPKI DER), its kid derived the same way as locally, and a signer that sends KMS the SHA-256 digest of the
 * JWS signing input and turns the DER answer into r‖s. The private half never leaves KMS.
 */
import { exportJWK, importSPKI } from 'jose';
import { type EcPublicJwk, ecPublicJwk, kidOf } from '../../../shared/star-mark';
import { derToJoseSignature } from '../der';
import type { StarMarkSigner } from '../ports';
import { GetPublicKeyCommand, type KmsPort, SignCommand } from './kms-port';

export interface KmsPublicKey {
  keyId: string;
  kid: string;
  publicJwk: EcPublicJwk;
}

function pem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN PUBLIC KEY-----\n${b64}\n-----END PUBLIC KEY-----`;
}

export async function kmsPublicKey(kms: KmsPort, keyId: string): Promise<KmsPublicKey> {
  const out = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  // A key of the wrong kind is a deployment mistake: say so plainly at the first use rather than sign garbage.
  if (
    out.KeySpec !== 'ECC_NIST_P256' ||
    out.KeyUsage !== 'SIGN_VERIFY' ||
    !out.SigningAlgorithms?.includes('ECDSA_SHA_256') ||
    !out.PublicKey
  ) {
    throw new Error(`KMS key ${keyId} is not an ECC_NIST_P256 SIGN_VERIFY key with ECDSA_SHA_256`);
  }
  const publicJwk = ecPublicJwk(await exportJWK(await importSPKI(pem(out.PublicKey), 'ES256', { extractable: true })));
  if (!publicJwk) throw new Error(`KMS key ${keyId} did not yield a P-256 public key`);
  return { keyId, kid: await kidOf(publicJwk), publicJwk };
}

export function kmsSigner(kms: KmsPort, key: KmsPublicKey): StarMarkSigner {
  return {
    kid: key.kid,
    sign: async (input) => {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
      const out = await kms.send(
        new SignCommand({
          KeyId: key.keyId,
          Message: digest,
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      );
      if (!out.Signature) throw new Error(`KMS returned no signature for key ${key.keyId}`);
      return derToJoseSignature(out.Signature);
    },
  };
}
