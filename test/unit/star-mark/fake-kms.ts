/**
 * A stand-in for the KMS service, not for our adapter: it holds P-256 keys made with Node's crypto, answers
 * GetPublicKey with the SPKI DER that KMS answers, and Sign (DIGEST, ECDSA_SHA_256) with a real DER signature of the
 * digest it was sent. Everything on our side of the wire — digesting, DER to r‖s, the JWS — runs for real.
 */
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { GetPublicKeyCommand, SignCommand } from '@aws-sdk/client-kms';
import type { KmsAnswer, KmsCommand, KmsPort } from '../../../functions/signing/kms/kms-port';
import { signDigest } from './p256';

export interface FakeKms extends KmsPort {
  calls: { command: string; keyId?: string; messageType?: string; algorithm?: string; messageLength?: number }[];
  addKey(keyId: string, spec?: string): KeyObject;
}

export function fakeKms(): FakeKms {
  const keys = new Map<string, { privateKey: KeyObject; spec: string }>();
  const calls: FakeKms['calls'] = [];
  return {
    calls,
    addKey(keyId, spec = 'ECC_NIST_P256') {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      keys.set(keyId, { privateKey, spec });
      return privateKey;
    },
    async send(command: KmsCommand): Promise<KmsAnswer> {
      const key = keys.get(command.input.KeyId ?? '');
      if (!key)
        throw Object.assign(new Error(`Key '${command.input.KeyId}' does not exist`), { name: 'NotFoundException' });
      if (command instanceof GetPublicKeyCommand) {
        calls.push({ command: 'GetPublicKey', keyId: command.input.KeyId });
        const spki = createPublicKey(key.privateKey).export({ format: 'der', type: 'spki' });
        return {
          KeyId: command.input.KeyId,
          KeySpec: key.spec as 'ECC_NIST_P256',
          KeyUsage: 'SIGN_VERIFY',
          SigningAlgorithms: ['ECDSA_SHA_256'],
          PublicKey: new Uint8Array(spki),
        };
      }
      if (command instanceof SignCommand) {
        const { MessageType, SigningAlgorithm, Message } = command.input;
        calls.push({
          command: 'Sign',
          keyId: command.input.KeyId,
          messageType: MessageType,
          algorithm: SigningAlgorithm,
          messageLength: Message?.length,
        });
        if (MessageType !== 'DIGEST' || SigningAlgorithm !== 'ECDSA_SHA_256' || Message?.length !== 32) {
          throw Object.assign(new Error('ValidationException'), { name: 'ValidationException' });
        }
        const d = Buffer.from(key.privateKey.export({ format: 'jwk' }).d!, 'base64url');
        return { KeyId: command.input.KeyId, SigningAlgorithm, Signature: signDigest(d, Message) };
      }
      throw new Error('unexpected command');
    },
  };
}
