/**
 * API keys and quotas against real DynamoDB Local: admins issue keys (stored hashed, shown once, revocable, with a
 * name and a contact); a key's daily quota and rate are counted with conditional updates, so parallel requests never
 * take it past its limit; over it, 429 with Retry-After and a zh/en problem; anonymous callers are limited per client.
 */
import { describe, expect, it } from 'vitest';
import { apiKeyKeys } from '../../shared/api-keys';
import { useTestSystem } from '../support/local-system';

// 10:00 in Beijing: the daily quota renews in 14 hours, at midnight Beijing time.
const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const UNTIL_MIDNIGHT = 14 * 3600;

const issue = (body: Record<string, unknown>, as = 'admin-qian') => sys.api.post('/v1/staff/api-keys', body, as);
const check = (key?: string) =>
  sys.api.post('/v1/verifications', { numbers: ['SM-SV-2026-000001'] }, undefined, key ? { 'x-api-key': key } : {});

describe('API keys', () => {
  it('are issued by an admin with a name and a contact, shown once and stored only as a hash', async () => {
    const res = await issue({ name: '某招投标平台', contact: 'ops@tender.example', dailyQuota: 500 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: '某招投标平台',
      contact: 'ops@tender.example',
      dailyQuota: 500,
      ratePerSecond: 20,
      createdBy: 'admin-qian',
      key: expect.stringMatching(/^smk_[0-9A-Z]{16}_[A-Za-z0-9_-]{43}$/),
    });
    const secret = res.body.key.slice(-43);
    const stored = await sys.deps.store.getItem(apiKeyKeys.record(res.body.id).pk, apiKeyKeys.record(res.body.id).sk);
    expect(stored?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret);
    const list = await sys.api.get('/v1/staff/api-keys', 'admin-qian');
    const listed = list.body.items.find((k: any) => k.id === res.body.id);
    expect(listed).toMatchObject({ name: '某招投标平台' });
    expect(listed.key).toBeUndefined();
    expect(listed.secretHash).toBeUndefined();
    const events = await sys.deps.store.listEvents(`api-key/${res.body.id}`);
    expect(events.map((e) => e.action)).toEqual(['issue']);
  });

  it('refuses a key to anyone but an admin, and writes nothing', async () => {
    const res = await issue({ name: '某平台', contact: 'a@b.example' }, 'evaluator-li');
    expect(res.status).toBe(403);
    const list = await sys.api.get('/v1/staff/api-keys', 'admin-qian');
    expect(list.body.items.some((k: any) => k.name === '某平台')).toBe(false);
    expect((await sys.api.get('/v1/staff/api-keys', 'evaluator-li')).status).toBe(403);
  });

  it('opens the public API to its holder, and refuses a mistyped or unknown key with 401', async () => {
    const { body } = await issue({ name: '供应商库', contact: 'db@supplier.example' });
    expect((await check(body.key)).status).toBe(200);
    const mistyped = `${body.key.slice(0, -1)}${body.key.endsWith('A') ? 'B' : 'A'}`;
    const refused = await check(mistyped);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('API_KEY_INVALID');
    expect((await check('smk_notakey')).status).toBe(401);
  });

  it('never lets parallel requests past the daily quota: 429 with Retry-After until midnight in Beijing', async () => {
    const { body } = await issue({
      name: '并发测试',
      contact: 'race@example.test',
      dailyQuota: 10,
      ratePerSecond: 1000,
    });
    const answers = await Promise.all(Array.from({ length: 40 }, () => check(body.key)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    const over = answers.find((a) => a.status === 429)!;
    expect(over.headers.get('retry-after')).toBe(String(UNTIL_MIDNIGHT));
    expect(over.headers.get('content-type')).toContain('application/problem+json');
    expect(over.body).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      status: 429,
      title_zh: expect.stringContaining('北京时间零点'),
      title_en: expect.stringContaining('midnight Beijing time'),
    });
    const counter = await sys.deps.store.getItem(
      apiKeyKeys.usage(`key:${body.id}`, 'd2026-11-23').pk,
      apiKeyKeys.usage(`key:${body.id}`, 'd2026-11-23').sk,
    );
    expect(counter?.uses).toBe(10);
    // The next Beijing day, a new quota.
    sys.setNow('2026-11-24T02:00:00Z');
    try {
      expect((await check(body.key)).status).toBe(200);
    } finally {
      sys.setNow('2026-11-23T02:00:00Z');
    }
  });

  it('holds a key to its rate per second: 429 RATE_LIMITED with Retry-After 1', async () => {
    const { body } = await issue({ name: '限速测试', contact: 'rate@example.test', ratePerSecond: 3 });
    const answers = await Promise.all(Array.from({ length: 12 }, () => check(body.key)));
    const ok = answers.filter((a) => a.status === 200).length;
    // The burst may straddle a second boundary: at most 3 in each of two seconds.
    expect(ok).toBeGreaterThanOrEqual(3);
    expect(ok).toBeLessThanOrEqual(6);
    for (const refused of answers.filter((a) => a.status !== 200)) {
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect(refused.headers.get('retry-after')).toBe('1');
    }
  });

  it('is revoked at once by an admin, with an audit event; a revoked key is refused', async () => {
    const { body } = await issue({ name: '将被吊销', contact: 'gone@example.test' });
    expect((await check(body.key)).status).toBe(200);
    const revoked = await sys.api.post(`/v1/staff/api-keys/${body.id}/revoke`, {}, 'admin-qian');
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: body.id, revokedBy: 'admin-qian' });
    expect((await check(body.key)).status).toBe(401);
    const again = await sys.api.post(`/v1/staff/api-keys/${body.id}/revoke`, {}, 'admin-qian');
    expect(again.status).toBe(409);
    const events = await sys.deps.store.listEvents(`api-key/${body.id}`);
    expect(events.map((e) => e.action)).toEqual(['issue', 'revoke']);
  });
});

describe('anonymous callers', () => {
  it('stay free, and are limited per client address', async () => {
    const config = sys.deps.config;
    config.anonymousRatePerSecond = 2;
    try {
      const anonymous = await Promise.all(Array.from({ length: 8 }, () => check()));
      const ok = anonymous.filter((a) => a.status === 200).length;
      expect(ok).toBeGreaterThanOrEqual(2);
      expect(ok).toBeLessThanOrEqual(4);
      expect(anonymous.find((a) => a.status === 429)?.body.code).toBe('RATE_LIMITED');
      // The same address with a key of its own is counted against the key, not the address.
      const { body } = await issue({ name: '同一地址', contact: 'same@example.test' });
      expect((await check(body.key)).status).toBe(200);
    } finally {
      config.anonymousRatePerSecond = null;
    }
  });
});
