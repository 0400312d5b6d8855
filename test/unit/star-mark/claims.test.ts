import { describe, expect, it } from 'vitest';
import { qrVersionsFor, SAMPLE_BASE_URL, sampleStarMarkUrl } from '../../../bench/qr-version';
import {
  decodeClaims,
  encodeClaims,
  type StarMarkClaims,
  signingInput,
  starMarkUrl,
  tokenFromStarMarkUrl,
} from '../../../shared/star-mark';

const claims: StarMarkClaims = { number: 'SM-SV-2026-000123', level: 'four', validUntil: '2029-11-22', cycle: 1 };

describe('the star-mark payload', () => {
  it('carries the number, the stars, the valid-until day and the cycle, and nothing else', () => {
    expect(encodeClaims(claims)).toBe('SM-SV-2026-000123|4|20291122|1');
  });

  it.each(['five', 'four', 'three', 'compliant'] as const)('round-trips the %s level', (level) => {
    expect(decodeClaims(encodeClaims({ ...claims, level }))).toEqual({ ...claims, level });
  });

  it('writes the compliant level as zero stars', () => {
    expect(encodeClaims({ ...claims, level: 'compliant' })).toBe('SM-SV-2026-000123|0|20291122|1');
  });

  it.each([
    ['JSON', '{"n":"SM-SV-2026-000123","l":4,"u":"2029-11-22","c":1}'],
    ['a level no scheme has', 'SM-SV-2026-000123|2|20291122|1'],
    ['a day that does not exist', 'SM-SV-2026-000123|4|20290230|1'],
    ['cycle zero', 'SM-SV-2026-000123|4|20291122|0'],
    ['a lower-case number', 'sm-sv-2026-000123|4|20291122|1'],
    ['a missing field', 'SM-SV-2026-000123|4|20291122'],
    ['a trailing field', 'SM-SV-2026-000123|4|20291122|1|x'],
  ])('refuses a payload with %s', (_what, text) => {
    expect(decodeClaims(text)).toBeNull();
  });

  it('refuses to encode claims it could not decode again', () => {
    expect(() => encodeClaims({ ...claims, number: 'not-a-number' })).toThrow();
  });

  it('signs a protected header of alg and kid only', () => {
    const [header] = signingInput(claims, 'abcdEFGH').split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'ES256', kid: 'abcdEFGH' });
  });
});

describe('the star-mark URL', () => {
  it('puts the token in the fragment of <base>/v, so that it never reaches a server log', () => {
    expect(starMarkUrl('https://verify.example.cn/', 'a.b.c')).toBe('https://verify.example.cn/v#a.b.c');
    expect(tokenFromStarMarkUrl('https://verify.example.cn/v#a.b.c')).toBe('a.b.c');
    expect(tokenFromStarMarkUrl('  a.b.c ')).toBe('a.b.c');
    expect(tokenFromStarMarkUrl('https://verify.example.cn/v#')).toBeNull();
  });

  it('fits QR version 10 at level M with a 30-character base URL', async () => {
    expect(SAMPLE_BASE_URL).toHaveLength(30);
    const versions = qrVersionsFor(await sampleStarMarkUrl());
    expect(versions.M).toBeLessThanOrEqual(10);
    expect(versions.Q).toBeLessThanOrEqual(13);
  });

  it('still fits version 10 at M with the longest prefix a deployment may choose', async () => {
    expect(qrVersionsFor(await sampleStarMarkUrl(SAMPLE_BASE_URL, 'ABCDEFGH')).M).toBeLessThanOrEqual(10);
  });
});
