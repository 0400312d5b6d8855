import { describe, expect, it } from 'vitest';
import { formatApiKey, parseApiKey, sameHash, secretHash, usageWindows } from '../../shared/api-keys';

const SECRET = 'A'.repeat(43);

describe('an API key', () => {
  it('reads back as its id and secret, and refuses anything else', () => {
    expect(parseApiKey(formatApiKey('0123456789ABCDEF', SECRET))).toEqual({ id: '0123456789ABCDEF', secret: SECRET });
    expect(parseApiKey('smk_0123456789abcdef_' + SECRET)).toBeNull();
    expect(parseApiKey('Bearer whatever')).toBeNull();
  });

  it('is kept as the SHA-256 of its secret, compared whole', async () => {
    const hash = await secretHash(SECRET);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sameHash(hash, await secretHash(SECRET))).toBe(true);
    expect(sameHash(hash, await secretHash(`${SECRET.slice(0, -1)}B`))).toBe(false);
  });
});

describe('usageWindows', () => {
  const now = new Date('2026-11-23T15:59:30Z'); // 23:59:30 in Beijing

  it('counts a key per second and per Beijing day; the day ends at midnight Beijing time', () => {
    const [rate, daily] = usageWindows({ kind: 'key', id: 'K' }, { ratePerSecond: 5, dailyQuota: 100 }, now);
    expect(rate).toMatchObject({ scope: 'rate', limit: 5, retryAfter: 1 });
    expect(rate!.key.pk).toBe(`USAGE#key:K#s${Math.floor(now.getTime() / 1000)}`);
    expect(daily).toMatchObject({ scope: 'daily', limit: 100, retryAfter: 30 });
    expect(daily!.key.pk).toBe('USAGE#key:K#d2026-11-23');
  });

  it('counts anonymous callers by address, each on its own, with no daily quota', () => {
    const a = usageWindows({ kind: 'client', address: '198.51.100.7' }, { ratePerSecond: 10 }, now);
    const b = usageWindows({ kind: 'client', address: '203.0.113.9' }, { ratePerSecond: 10 }, now);
    expect(a).toHaveLength(1);
    expect(a[0]!.key.pk).not.toBe(b[0]!.key.pk);
  });

  it('counts the rate in real seconds even when the registry clock is set elsewhere', () => {
    const wall = Date.parse('2030-01-01T00:00:00Z');
    const [rate] = usageWindows({ kind: 'key', id: 'K' }, { ratePerSecond: 5 }, now, wall);
    expect(rate!.key.pk).toBe(`USAGE#key:K#s${wall / 1000}`);
  });
});
