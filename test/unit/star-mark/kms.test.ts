import { createHash, createPublicKey, verify } from 'node:crypto';
import { compactVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { parseKeyIds } from '../../../functions/signing/kms/kms-key-ring';
import { kmsPublicKey, kmsSigner } from '../../../functions/signing/kms/kms-keys';
import { compactToken, kidOf, type StarMarkClaims, signingInput, verifyStarMark } from '../../../shared/star-mark';
import { fakeKms } from './fake-kms';
import { signDigest } from './p256';

const claims: StarMarkClaims = { number: 'SM-SV-2026-000007', level: 'three', validUntil: '2029-11-22', cycle: 2 };

describe('the KMS stand-in', () => {
  it('signs a digest with real ECDSA in real DER, as Node itself verifies', () => {
    const kms = fakeKms();
    const key = kms.addKey('k');
    const d = Buffer.from(key.export({ format: 'jwk' }).d!, 'base64url');
    for (let i = 0; i < 20; i++) {
      const message = Buffer.from(`input ${i}`);
      const der = signDigest(d, createHash('sha256').update(message).digest());
      expect(verify('sha256', message, createPublicKey(key), der)).toBe(true);
    }
  });
});

describe('a KMS key as a star-mark key', () => {
  it('publishes the public half of the KMS key as a P-256 JWK, with the kid derived as locally', async () => {
    const kms = fakeKms();
    const key = kms.addKey('arn:aws:kms:cn-north-1:123456789012:key/one');
    const published = await kmsPublicKey(kms, 'arn:aws:kms:cn-north-1:123456789012:key/one');
    const expected = createPublicKey(key).export({ format: 'jwk' });
    expect(published.publicJwk).toEqual({ kty: 'EC', crv: 'P-256', x: expected.x, y: expected.y });
    expect(published.kid).toBe(await kidOf(published.publicJwk));
    expect(published.kid).toHaveLength(8);
  });

  it('signs a JWS that jose verifies: KMS is sent the SHA-256 digest only, and its DER becomes r‖s', async () => {
    const kms = fakeKms();
    kms.addKey('one');
    const key = await kmsPublicKey(kms, 'one');
    const signer = kmsSigner(kms, key);
    for (let i = 0; i < 20; i++) {
      const input = signingInput(claims, signer.kid);
      const token = compactToken(input, await signer.sign(new TextEncoder().encode(input)));
      const { protectedHeader } = await compactVerify(token, await importJWK(key.publicJwk, 'ES256'), {
        algorithms: ['ES256'],
      });
      expect(protectedHeader.kid).toBe(key.kid);
      const verdict = await verifyStarMark(
        token,
        { keys: [{ ...key.publicJwk, kid: key.kid }] },
        new Date('2027-01-01T00:00:00Z'),
      );
      expect(verdict).toMatchObject({ authentic: true, verdict: 'VALID', claims });
    }
    const signs = kms.calls.filter((c) => c.command === 'Sign');
    expect(signs).toHaveLength(20);
    for (const call of signs)
      expect(call).toMatchObject({
        keyId: 'one',
        messageType: 'DIGEST',
        algorithm: 'ECDSA_SHA_256',
        messageLength: 32,
      });
  });

  it('refuses a KMS key that is not ECC_NIST_P256, rather than sign with it', async () => {
    const kms = fakeKms();
    kms.addKey('rsa', 'RSA_2048');
    await expect(kmsPublicKey(kms, 'rsa')).rejects.toThrow(/not an ECC_NIST_P256/);
  });

  it('reads SIGNING_KEY_IDS as a comma-separated list, the first one signing', () => {
    expect(parseKeyIds(' new-key , old-key,,')).toEqual(['new-key', 'old-key']);
    expect(() => parseKeyIds(' , ')).toThrow();
  });
});
