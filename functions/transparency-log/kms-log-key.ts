/**
 * The log key in AWS: a KMS key of spec ECC_NIST_EDWARDS25519. Checkpoints are signed with ED25519_SHA_512 over the
 * raw note text (MessageType RAW: pure Ed25519 as RFC 8032 and C2SP signed notes want, not the pre-hashed variant);
 * the private half never leaves KMS. The public key is read once per container.
 */

import { ed25519KeyId } from '../../shared/transparency-log';
import { GetPublicKeyCommand, type KmsPort, SignCommand } from '../signing/kms/kms-port';
import type { LogKey } from './log-key';

export const LOG_SIGNING_ALGORITHM = 'ED25519_SHA_512';

export async function kmsLogKey(kms: KmsPort, keyId: string, name: string): Promise<LogKey> {
  const out = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (out.KeySpec !== 'ECC_NIST_EDWARDS25519' || !out.PublicKey) throw new Error(`${keyId} is not an Ed25519 key`);
  // SubjectPublicKeyInfo of an Ed25519 key: a 12-byte header, then the 32-byte key.
  const publicKey = new Uint8Array(out.PublicKey).slice(-32);
  const id = ed25519KeyId(name, publicKey);
  return {
    signer: {
      name,
      keyId: id,
      sign: async (message) => {
        const signed = await kms.send(
          new SignCommand({
            KeyId: keyId,
            Message: message,
            MessageType: 'RAW',
            SigningAlgorithm: LOG_SIGNING_ALGORITHM,
          }),
        );
        if (!signed.Signature || signed.Signature.length !== 64) throw new Error('KMS gave no Ed25519 signature');
        return new Uint8Array(signed.Signature);
      },
    },
    verifier: { name, keyId: id, publicKey },
  };
}
