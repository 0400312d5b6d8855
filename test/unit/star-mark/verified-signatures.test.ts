/**
 * The per-instance cache of verified signatures answers exactly as the full check would: it saves the ECDSA work
 * for a token seen before, never the question whether its key still counts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { StarMarkTokens } from '../../../functions/signing/issuer';
import { LocalKeyRing } from '../../../functions/signing/local/local-key-ring';
import { signatureCache } from '../../../functions/signing/verified-signatures';
import { jwksOf, type StarMarkClaims, type StarMarkJwks, verifyStarMark } from '../../../shared/star-mark';

const NOW = new Date('2026-11-23T02:00:00Z');
const claims: StarMarkClaims = { number: 'SM-SV-2026-000123', level: 'four', validUntil: '2029-11-22', cycle: 1 };

let ring: LocalKeyRing;
let jwks: StarMarkJwks;
let token: string;
let kid: string;

beforeAll(async () => {
  ring = await LocalKeyRing.open(undefined, NOW);
  jwks = jwksOf(await ring.records(), ring.purpose);
  ({ token, kid } = await new StarMarkTokens(ring).tokenFor(claims));
});

describe('a signature already verified', () => {
  it('is not verified again for the same token, and the verdict is the same', async () => {
    const cache = signatureCache();
    const first = await verifyStarMark(token, jwks, NOW, cache.verify);
    const again = await verifyStarMark(token, jwks, NOW, cache.verify);
    expect(first).toMatchObject({ authentic: true, verdict: 'VALID', claims });
    expect(again).toEqual(first);
    expect(cache.verifications).toBe(1);
  });

  it('is refused as soon as the key set lists its key as revoked', async () => {
    const cache = signatureCache();
    await verifyStarMark(token, jwks, NOW, cache.verify);
    const revoked = { keys: jwks.keys.filter((k) => k.kid !== kid), revoked: [{ kid, status: 'revoked' as const }] };
    expect(await verifyStarMark(token, revoked, NOW, cache.verify)).toMatchObject({
      authentic: false,
      verdict: 'REVOKED_KEY',
    });
    expect(cache.size).toBe(0);
  });

  it('is checked again when another key is published under the same kid', async () => {
    const cache = signatureCache();
    await verifyStarMark(token, jwks, NOW, cache.verify);
    const other = jwksOf(await (await LocalKeyRing.open(undefined, NOW)).records(), 'star-mark');
    const impostor = { keys: other.keys.map((k) => ({ ...k, kid })), revoked: [] };
    expect(await verifyStarMark(token, impostor, NOW, cache.verify)).toMatchObject({
      authentic: false,
      verdict: 'BAD_SIGNATURE',
    });
  });

  it('still has its expiry judged by the clock of each check', async () => {
    const cache = signatureCache();
    await verifyStarMark(token, jwks, NOW, cache.verify);
    expect(await verifyStarMark(token, jwks, new Date('2029-11-23T02:00:00Z'), cache.verify)).toMatchObject({
      authentic: true,
      verdict: 'EXPIRED',
    });
    expect(cache.verifications).toBe(1);
  });

  it('keeps at most its bound, the entry used longest ago leaving first', async () => {
    const cache = signatureCache(2);
    const tokens = await Promise.all(
      [1, 2, 3].map(async (cycle) => (await new StarMarkTokens(ring).tokenFor({ ...claims, cycle })).token),
    );
    for (const t of [tokens[0]!, tokens[1]!, tokens[0]!, tokens[2]!]) await verifyStarMark(t, jwks, NOW, cache.verify);
    expect(cache.size).toBe(2);
    expect(cache.verifications).toBe(3);
    await verifyStarMark(tokens[0]!, jwks, NOW, cache.verify);
    expect(cache.verifications).toBe(3);
    await verifyStarMark(tokens[1]!, jwks, NOW, cache.verify);
    expect(cache.verifications).toBe(4);
  });
});
