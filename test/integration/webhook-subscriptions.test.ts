/**
 * An API-key holder's watchlists and webhook endpoints, against real DynamoDB Local: made, listed and deleted by
 * the holder alone; the endpoint's signing secret shown once, rotatable with the old one kept for a grace period;
 * every change conditional and audited; bad input refused in both languages, changing nothing.
 */
import { describe, expect, it } from 'vitest';
import { generateCreditCode } from '../../shared/credit-code';
import { SUBSCRIPTION_LIMITS, signingSecrets, webhookKeys } from '../../shared/webhooks/subscriptions';
import { useTestSystem } from '../support/local-system';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });

/** A key at the highest rate an admin may grant: the races here send more in a second than the default rate. */
async function newKey(name = '某招投标平台'): Promise<string> {
  const body = { name, contact: 'ops@tender.example', ratePerSecond: 1000 };
  const res = await sys.api.post('/v1/staff/api-keys', body, 'admin-qian');
  return res.body.key;
}
const as = (key: string) => ({ 'x-api-key': key });
const get = (path: string, key: string) => sys.api.request('GET', path, { headers: as(key) });
const post = (path: string, body: unknown, key: string) => sys.api.post(path, body, undefined, as(key));

const CODE = generateCreditCode(4242);

describe('watchlists', () => {
  it('are kept by a key holder, listed for that holder only, and deleted with an audit trail', async () => {
    const key = await newKey();
    const other = await newKey('另一平台');
    const made = await post(
      '/v1/integrator/watchlists',
      { name: '2026 年第 12 号招标', numbers: ['SM-SV-2026-000001', 'SM-SV-2026-000001'], creditCodes: [CODE] },
      key,
    );
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      name: '2026 年第 12 号招标',
      numbers: ['SM-SV-2026-000001'],
      creditCodes: [CODE],
    });
    expect((await get('/v1/integrator/watchlists', key)).body.items.map((w: any) => w.id)).toEqual([made.body.id]);
    expect((await get('/v1/integrator/watchlists', other)).body.items).toEqual([]);
    // Another holder cannot delete it: to them it does not exist.
    const foreign = await post(`/v1/integrator/watchlists/${made.body.id}/delete`, {}, other);
    expect(foreign.status).toBe(404);
    const deleted = await post(`/v1/integrator/watchlists/${made.body.id}/delete`, {}, key);
    expect(deleted.status).toBe(200);
    expect((await get('/v1/integrator/watchlists', key)).body.items).toEqual([]);
    const events = await sys.deps.store.listEvents(`watchlist/${made.body.id}`);
    expect(events.map((e) => [e.action, e.actor.sub])).toEqual([
      ['create', expect.stringMatching(/^api-key:/)],
      ['delete', expect.stringMatching(/^api-key:/)],
    ]);
    expect((await post(`/v1/integrator/watchlists/${made.body.id}/delete`, {}, key)).status).toBe(404);
  });

  it('need an API key: none is 401 API_KEY_REQUIRED, a bad one 401 API_KEY_INVALID', async () => {
    const none = await sys.api.request('GET', '/v1/integrator/watchlists');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('API_KEY_REQUIRED');
    expect(none.body.title_zh).toContain('API 密钥');
    const bad = await get('/v1/integrator/watchlists', 'smk_0000000000000000_notasecret');
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('API_KEY_INVALID');
  });

  it('refuse a mistyped credit code, an empty list and a list over the bound, in zh and en, storing nothing', async () => {
    const key = await newKey();
    const wrongCheck = `${CODE.slice(0, 17)}${CODE.endsWith('0') ? '1' : '0'}`;
    const tooMany = Array.from(
      { length: SUBSCRIPTION_LIMITS.entriesPerWatchlist + 1 },
      (_, i) => `SM-SV-2026-${String(i).padStart(6, '0')}`,
    );
    for (const body of [
      { name: 'x', creditCodes: [wrongCheck] },
      { name: 'x', numbers: [], creditCodes: [] },
      { name: 'x', numbers: tooMany },
      { name: 'x', numbers: ['not a number'] },
    ]) {
      const res = await post('/v1/integrator/watchlists', body, key);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.title_zh).toBeTruthy();
      expect(res.body.title_en).toBeTruthy();
    }
    expect((await get('/v1/integrator/watchlists', key)).body.items).toEqual([]);
  });

  it('are bounded per key even when created in parallel: a lost race is a 409, never one too many', async () => {
    const key = await newKey();
    const limit = SUBSCRIPTION_LIMITS.watchlistsPerKey;
    const answers = await Promise.all(
      Array.from({ length: limit + 10 }, (_, i) =>
        post('/v1/integrator/watchlists', { name: `清单 ${i}`, numbers: ['SM-SV-2026-000001'] }, key),
      ),
    );
    for (const a of answers) expect([201, 409, 422]).toContain(a.status);
    const kept = (await get('/v1/integrator/watchlists', key)).body.items;
    expect(kept.length).toBe(answers.filter((a) => a.status === 201).length);
    expect(kept.length).toBeLessThanOrEqual(limit);
    // Sequentially, the list fills up to the limit and then refuses with SUBSCRIPTION_LIMIT.
    for (let i = kept.length; i < limit; i++)
      expect((await post('/v1/integrator/watchlists', { name: `补 ${i}`, creditCodes: [CODE] }, key)).status).toBe(201);
    const over = await post('/v1/integrator/watchlists', { name: '超出', creditCodes: [CODE] }, key);
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('SUBSCRIPTION_LIMIT');
  });
});

describe('webhook endpoints', () => {
  it('show the signing secret once, at creation; listing never shows it', async () => {
    const key = await newKey();
    const made = await post('/v1/integrator/webhooks', { url: 'https://tender.example.cn/hooks/starmark' }, key);
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = (await get('/v1/integrator/webhooks', key)).body.items;
    expect(listed).toEqual([
      expect.objectContaining({ id: made.body.id, url: 'https://tender.example.cn/hooks/starmark' }),
    ]);
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    expect((await sys.api.request('GET', '/v1/integrator/webhooks')).status).toBe(401);
  });

  it('refuse a URL the rules refuse (not https, a private or metadata address), with its code, storing nothing', async () => {
    const key = await newKey();
    for (const [url, code] of [
      ['http://tender.example.cn/hook', 'ENDPOINT_NOT_HTTPS'],
      ['https://169.254.169.254/latest/meta-data/', 'ENDPOINT_NOT_PUBLIC'],
      ['https://10.1.2.3/hook', 'ENDPOINT_NOT_PUBLIC'],
      ['https://user:pw@tender.example.cn/hook', 'ENDPOINT_URL_INVALID'],
      ['not a url', 'ENDPOINT_URL_INVALID'],
    ] as const) {
      const res = await post('/v1/integrator/webhooks', { url }, key);
      expect(res.status, url).toBe(422);
      expect(res.body.code, url).toBe(code);
      expect(res.body.title_zh).toBeTruthy();
      expect(res.body.title_en).toBeTruthy();
    }
    expect((await get('/v1/integrator/webhooks', key)).body.items).toEqual([]);
  });

  it('rotate the secret: the new one shown once, the old one still signing beside it for 24 hours', async () => {
    const key = await newKey();
    // Locally the receiver may run on this machine (loopback over http).
    const made = await post('/v1/integrator/webhooks', { url: 'http://127.0.0.1:9/hook' }, key);
    expect(made.status).toBe(201);
    const turned = await post(`/v1/integrator/webhooks/${made.body.id}/rotate-secret`, {}, key);
    expect(turned.status).toBe(200);
    expect(turned.body.secret).not.toBe(made.body.secret);
    expect(turned.body.previousSecretUntil).toBe('2026-11-24T02:00:00.000Z');
    const owner = (await sys.deps.store.queryItems(webhookKeys.endpoints)).items.find((i) => i.id === made.body.id)!;
    const record = owner as any;
    expect(signingSecrets(record, new Date('2026-11-23T03:00:00Z'))).toEqual([turned.body.secret, made.body.secret]);
    expect(signingSecrets(record, new Date('2026-11-24T03:00:00Z'))).toEqual([turned.body.secret]);
    const events = await sys.deps.store.listEvents(`webhook-endpoint/${made.body.id}`);
    expect(events.map((e) => e.action)).toEqual(['create', 'rotate-secret']);
    expect(JSON.stringify(events)).not.toContain('whsec_');
  });

  it('rotate conditionally: of parallel rotations none is lost — each commits on the step it read, or is a 409', async () => {
    const key = await newKey();
    const made = await post('/v1/integrator/webhooks', { url: 'https://tender.example.cn/a' }, key);
    const both = await Promise.all(
      [0, 1, 2, 3].map(() => post(`/v1/integrator/webhooks/${made.body.id}/rotate-secret`, {}, key)),
    );
    const won = both.filter((r) => r.status === 200);
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const lost of both.filter((r) => r.status !== 200)) expect(lost.body.code).toBe('VERSION_CONFLICT');
    const events = await sys.deps.store.listEvents(`webhook-endpoint/${made.body.id}`);
    expect(events.length).toBe(1 + won.length);
    const stored = (await sys.deps.store.queryItems(webhookKeys.endpoints)).items.find((i) => i.id === made.body.id)!;
    // The secret kept is the one the last winner was shown: no rotation was lost in between.
    expect(won.map((r) => r.body.secret)).toContain(stored.secret);
    expect(stored.step).toBe(events.length);
  });

  it('are deleted by their holder only', async () => {
    const key = await newKey();
    const made = await post('/v1/integrator/webhooks', { url: 'https://tender.example.cn/b' }, key);
    expect((await post(`/v1/integrator/webhooks/${made.body.id}/delete`, {}, await newKey('他人'))).status).toBe(404);
    expect((await post(`/v1/integrator/webhooks/${made.body.id}/delete`, {}, key)).status).toBe(200);
    expect((await get('/v1/integrator/webhooks', key)).body.items).toEqual([]);
  });
});
