import { compactVerify, createLocalJWKSet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { StarMarkTokens } from '../../../functions/signing/issuer';
import { LocalKeyRing } from '../../../functions/signing/local/local-key-ring';
import { jwksOf, type StarMarkClaims, type StarMarkJwks, verifyStarMark } from '../../../shared/star-mark';
import { type Forgery, forgeries } from './forgeries';

const NOW = new Date('2026-11-23T02:00:00Z');
const claims: StarMarkClaims = { number: 'SM-SV-2026-000123', level: 'four', validUntil: '2029-11-22', cycle: 1 };
const admin = { sub: 'admin-qian', roles: ['admin' as const] };

let ring: LocalKeyRing;
let tokens: StarMarkTokens;
let genuine: { token: string; kid: string };
let jwks: StarMarkJwks;
let corpus: Forgery[];

beforeAll(async () => {
  ring = await LocalKeyRing.open(undefined, NOW);
  tokens = new StarMarkTokens(ring);
  const first = await tokens.tokenFor(claims);
  await ring.rotate(NOW, admin);
  genuine = await tokens.tokenFor(claims);
  jwks = jwksOf(await ring.records());
  const signer = await ring.signer();
  corpus = await forgeries({
    genuine: genuine.token,
    claims,
    ourKid: genuine.kid,
    ourPublicJwk: jwks.keys.find((k) => k.kid === genuine.kid)!,
    signWithOurKey: (input) => signer.sign(input),
    otherKid: first.kid,
  });
});

describe('a genuine star mark', () => {
  it('verifies, and carries only number, level, valid-until and cycle', async () => {
    const verdict = await verifyStarMark(genuine.token, jwks, NOW);
    expect(verdict).toEqual({ authentic: true, verdict: 'VALID', claims, kid: genuine.kid });
  });

  it('is a compact JWS that plain jose verifies with the published JWKS, ES256 only', async () => {
    const { protectedHeader } = await compactVerify(genuine.token, createLocalJWKSet(jwks), { algorithms: ['ES256'] });
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: genuine.kid });
  });

  it('is EXPIRED, still authentic, once the clock passes its valid-until day in China', async () => {
    expect((await verifyStarMark(genuine.token, jwks, new Date('2029-11-22T15:59:59Z'))).verdict).toBe('VALID');
    const after = await verifyStarMark(genuine.token, jwks, new Date('2029-11-22T16:00:00Z'));
    expect(after).toMatchObject({ authentic: true, verdict: 'EXPIRED', claims });
  });

  it('keeps verifying after its key is retired by a rotation', async () => {
    const earlier = await tokens.tokenFor(claims);
    await ring.rotate(NOW, admin);
    const after = jwksOf(await ring.records());
    expect(after.keys.find((k) => k.kid === earlier.kid)?.status).toBe('retired');
    expect((await tokens.tokenFor(claims)).kid).not.toBe(earlier.kid);
    expect((await verifyStarMark(earlier.token, after, NOW)).verdict).toBe('VALID');
  });
});

describe('the forged-token corpus', () => {
  it('covers every kind of forgery the design names', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
  });

  it('refuses each forgery with the verdict it deserves, and never calls it authentic', async () => {
    for (const forgery of corpus) {
      const verdict = await verifyStarMark(forgery.token, jwks, NOW);
      expect({ name: forgery.name, verdict: verdict.verdict, authentic: verdict.authentic }).toEqual({
        name: forgery.name,
        verdict: forgery.verdict,
        authentic: false,
      });
      expect(verdict.claims).toBeUndefined();
    }
  });

  it('refuses a token signed with HS256 using the public key as secret', async () => {
    const hs = corpus.find((f) => f.name.startsWith('HS256 signed with the public JWK'))!;
    expect(await verifyStarMark(hs.token, jwks, NOW)).toMatchObject({ authentic: false, verdict: 'BAD_SIGNATURE' });
  });

  it('refuses something that is not a string at all', async () => {
    expect((await verifyStarMark(42 as unknown as string, jwks, NOW)).verdict).toBe('MALFORMED');
  });
});

describe('the keys it trusts', () => {
  it('trusts no key that is not in the JWKS, even a genuine token', async () => {
    expect((await verifyStarMark(genuine.token, { keys: [] }, NOW)).verdict).toBe('UNKNOWN_KEY');
  });

  it('refuses the marks of a revoked key with REVOKED_KEY, and drops its key material from the JWKS', async () => {
    const scratch = await LocalKeyRing.open(undefined, NOW);
    const mark = await new StarMarkTokens(scratch).tokenFor(claims);
    await scratch.revoke(mark.kid, 'private key leaked', NOW, admin);
    const published = jwksOf(await scratch.records());
    expect(published.keys.map((k) => k.kid)).not.toContain(mark.kid);
    expect(published.revoked).toEqual([
      { kid: mark.kid, status: 'revoked', purpose: 'star-mark', revoked: NOW.toISOString() },
    ]);
    expect(await verifyStarMark(mark.token, published, NOW)).toMatchObject({
      authentic: false,
      verdict: 'REVOKED_KEY',
      kid: mark.kid,
    });
  });

  it('ignores a private member someone left in a JWKS entry and still verifies with the public half only', async () => {
    const leaky = { keys: jwks.keys.map((k) => ({ ...k, d: 'AAAA' })) };
    expect((await verifyStarMark(genuine.token, leaky, NOW)).verdict).toBe('VALID');
  });

  it('does not use a JWKS entry declared for another algorithm', async () => {
    const other = { keys: jwks.keys.map((k) => ({ ...k, alg: 'ES384' })) };
    expect((await verifyStarMark(genuine.token, other, NOW)).verdict).toBe('UNKNOWN_KEY');
  });
});
