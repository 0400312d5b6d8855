/**
 * Star-mark keys and receipt keys are two rings, published together but never interchangeable: a key's `purpose`
 * in the JWKS decides what it may vouch for, in both directions. Cross-use is UNKNOWN_KEY (the key is not one of
 * this kind's keys), decided before any signature is checked.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactVerify, createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StarMarkTokens } from '../../../functions/signing/issuer';
import { KmsKeyRing, parseKeyIds } from '../../../functions/signing/kms/kms-key-ring';
import { LocalKeyRing } from '../../../functions/signing/local/local-key-ring';
import type { SigningKeyRing } from '../../../functions/signing/ports';
import { receiptPayload, receiptSigningInput, verifyReceipt } from '../../../shared/receipts';
import {
  checkNumber,
  compactToken,
  jwksOf,
  mergeJwks,
  type StarMarkClaims,
  type StarMarkJwks,
  verifyStarMark,
} from '../../../shared/star-mark';
import { fakeKms } from './fake-kms';

const NOW = new Date('2026-11-23T02:00:00Z');
const claims: StarMarkClaims = { number: 'SM-SV-2026-000123', level: 'four', validUntil: '2029-11-22', cycle: 1 };

let starMarks: LocalKeyRing;
let receipts: LocalKeyRing;
let jwks: StarMarkJwks;

async function receiptBy(ring: SigningKeyRing): Promise<string> {
  const signer = await ring.signer();
  const input = receiptSigningInput(
    receiptPayload(checkNumber('SM-SV-2026-999999', undefined, NOW), NOW, 'https://verify.example.cn'),
    signer.kid,
  );
  return compactToken(input, await signer.sign(new TextEncoder().encode(input)));
}

/** The JWKS as a reader that knows nothing of `purpose` would see it: the marker dropped from every key. */
const unmarked = (set: StarMarkJwks) => ({
  keys: set.keys.map(({ purpose: _p, ...key }) => key),
  revoked: set.revoked,
});

beforeAll(async () => {
  starMarks = await LocalKeyRing.open(undefined, NOW);
  receipts = await LocalKeyRing.open(undefined, NOW, 'receipt');
  jwks = mergeJwks(
    jwksOf(await starMarks.records(), starMarks.purpose),
    jwksOf(await receipts.records(), receipts.purpose),
  );
});

describe('the published JWKS', () => {
  it('lists both rings, star-mark keys first, each key marked with its purpose', async () => {
    expect(jwks.keys.map((k) => [k.purpose, k.use, k.alg, k.status])).toEqual([
      ['star-mark', 'sig', 'ES256', 'active'],
      ['receipt', 'sig', 'ES256', 'active'],
    ]);
    expect(jwks.keys[0]!.kid).not.toBe(jwks.keys[1]!.kid);
  });

  it('still works for a generic JOSE reader, which ignores the extra member', async () => {
    const { token } = await new StarMarkTokens(starMarks).tokenFor(claims);
    await expect(compactVerify(token, createLocalJWKSet(jwks), { algorithms: ['ES256'] })).resolves.toBeTruthy();
    await expect(
      compactVerify(await receiptBy(receipts), createLocalJWKSet(jwks), { algorithms: ['ES256'] }),
    ).resolves.toBeTruthy();
  });
});

describe('cross-use', () => {
  it('refuses a star mark signed with a receipt key as UNKNOWN_KEY', async () => {
    const forged = await new StarMarkTokens(receipts).tokenFor(claims);
    const verdict = await verifyStarMark(forged.token, jwks, NOW);
    expect(verdict).toMatchObject({ authentic: false, verdict: 'UNKNOWN_KEY', kid: forged.kid });
    expect(verdict.claims).toBeUndefined();
    const genuine = await new StarMarkTokens(starMarks).tokenFor(claims);
    expect((await verifyStarMark(genuine.token, jwks, NOW)).verdict).toBe('VALID');
  });

  it('refuses a receipt signed with a star-mark key as UNKNOWN_KEY', async () => {
    const forged = await verifyReceipt(await receiptBy(starMarks), jwks);
    expect(forged).toMatchObject({ valid: false, code: 'UNKNOWN_KEY' });
    expect(forged.receipt).toBeUndefined();
    expect(await verifyReceipt(await receiptBy(receipts), jwks)).toMatchObject({ valid: true, code: 'VALID' });
  });

  it('takes an unmarked key as a star-mark key (older JWKS), and never as a receipt key', async () => {
    const { token } = await new StarMarkTokens(starMarks).tokenFor(claims);
    expect((await verifyStarMark(token, unmarked(jwks), NOW)).verdict).toBe('VALID');
    expect(await verifyReceipt(await receiptBy(receipts), unmarked(jwks))).toMatchObject({
      valid: false,
      code: 'UNKNOWN_KEY',
    });
  });
});

describe('the receipt ring', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its keys under keys/receipt/, apart from keys/star-mark/', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'starmark-keys-'));
    dirs.push(dir);
    const marks = await LocalKeyRing.open(dir, NOW);
    const receiptRing = await LocalKeyRing.open(dir, NOW, 'receipt');
    expect(readdirSync(dir).sort()).toEqual(['receipt', 'star-mark']);
    const [markKey] = await marks.records();
    const [receiptKey] = await receiptRing.records();
    expect(readdirSync(join(dir, 'receipt'))).toContain(`${receiptKey!.kid}.private.jwk`);
    expect(readdirSync(join(dir, 'receipt'))).not.toContain(`${markKey!.kid}.private.jwk`);
    expect((await LocalKeyRing.open(dir, NOW, 'receipt')).purpose).toBe('receipt');
    expect((await (await LocalKeyRing.open(dir, NOW, 'receipt')).signer()).kid).toBe(receiptKey!.kid);
  });

  it('in KMS: its own key ids, named RECEIPT_KEY_IDS in what it tells the operator', async () => {
    const kms = fakeKms();
    kms.addKey('receipt-key');
    const ring = new KmsKeyRing({
      kms,
      purpose: 'receipt',
      keyIds: ['receipt-key'],
      store: { getItem: async () => undefined } as never,
    });
    expect(ring.purpose).toBe('receipt');
    const signed = await verifyReceipt(await receiptBy(ring), jwksOf(await ring.records(), ring.purpose));
    expect(signed).toMatchObject({ valid: true });
    expect(kms.calls.filter((c) => c.command === 'Sign').map((c) => c.keyId)).toEqual(['receipt-key']);
    await expect(ring.rotate()).rejects.toThrow(/RECEIPT_KEY_IDS/);
    expect(() => parseKeyIds(' , ', 'RECEIPT_KEY_IDS')).toThrow(/RECEIPT_KEY_IDS/);
  });
});
