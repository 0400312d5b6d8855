import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KmsCommand } from '../../../functions/signing/kms/kms-port';
import { kmsLogKey } from '../../../functions/transparency-log/kms-log-key';
import { formatCheckpoint, openCheckpoint, signNote } from '../../../shared/transparency-log';

/** A stand-in for the remote KMS: an Ed25519 key of its own, answering as KMS does (SPKI DER, raw signatures). */
function edwardsKms(spec = 'ECC_NIST_EDWARDS25519') {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const calls: KmsCommand['input'][] = [];
  return {
    calls,
    send: async (command: KmsCommand) => {
      calls.push(command.input);
      if ('Message' in command.input) {
        return { Signature: new Uint8Array(sign(null, command.input.Message as Uint8Array, privateKey)) };
      }
      return { KeySpec: spec, PublicKey: new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })) } as never;
    },
  };
}

describe('the KMS log key', () => {
  it('signs checkpoints with pure Ed25519 over the raw note, which open with its verifier key', async () => {
    const kms = edwardsKms();
    const key = await kmsLogKey(kms, 'arn:aws:kms:cn-north-1:1:key/log', 'verify.example.cn/log');
    const note = await signNote(
      formatCheckpoint({ origin: 'verify.example.cn/log', size: 3, root: new Uint8Array(32) }),
      key.signer,
    );
    expect((await openCheckpoint(note, key.verifier, 'verify.example.cn/log')).ok).toBe(true);
    expect(kms.calls.at(-1)).toMatchObject({ MessageType: 'RAW', SigningAlgorithm: 'ED25519_SHA_512' });
  });

  it('refuses a key that is not Ed25519', async () => {
    await expect(kmsLogKey(edwardsKms('ECC_NIST_P256'), 'k', 'verify.example.cn/log')).rejects.toThrow(/Ed25519/);
  });
});
