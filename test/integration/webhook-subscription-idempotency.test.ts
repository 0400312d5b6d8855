/**
 * An integrator's subscription changes under an Idempotency-Key, against real DynamoDB Local: a retry with the same
 * key and body answers the first answer and writes nothing new (no second list, endpoint, secret or audit event);
 * the same key with another body is refused with IDEMPOTENCY_KEY_REUSED, changing nothing; the key is the holder's
 * own (another holder's same key is another request); parallel retries still make one.
 */
import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../support/local-system';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });

async function newKey(name = '某招投标平台'): Promise<string> {
  const res = await sys.api.post('/v1/staff/api-keys', { name, contact: 'ops@tender.example' }, 'admin-qian');
  return res.body.key;
}
const as = (key: string, idempotencyKey?: string) => ({
  'x-api-key': key,
  ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
});
const get = (path: string, key: string) => sys.api.request('GET', path, { headers: as(key) });
const post = (path: string, body: unknown, key: string, idempotencyKey?: string) =>
  sys.api.post(path, body, undefined, as(key, idempotencyKey));

const LIST = { name: '2026 年第 12 号招标', numbers: ['SM-SV-2026-000001'] };
const ENDPOINT = { url: 'https://tender.example.cn/hooks/starmark' };
const watchlists = async (key: string) => (await get('/v1/integrator/watchlists', key)).body.items;
const endpoints = async (key: string) => (await get('/v1/integrator/webhooks', key)).body.items;

describe('an Idempotency-Key on an integrator’s POST', () => {
  it('makes a retried watchlist once: the first answer again, one list, one audit event', async () => {
    const key = await newKey();
    const first = await post('/v1/integrator/watchlists', LIST, key, 'watch-000001');
    const again = await post('/v1/integrator/watchlists', LIST, key, 'watch-000001');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await watchlists(key)).map((w: any) => w.id)).toEqual([first.body.id]);
    expect(await sys.deps.store.listEvents(`watchlist/${first.body.id}`)).toHaveLength(1);
    // Without the key it is a new request: a second list.
    expect((await post('/v1/integrator/watchlists', LIST, key)).status).toBe(201);
    expect(await watchlists(key)).toHaveLength(2);
  });

  it('refuses the same key with another body as IDEMPOTENCY_KEY_REUSED, in zh and en, writing nothing', async () => {
    const key = await newKey();
    expect((await post('/v1/integrator/watchlists', LIST, key, 'watch-000002')).status).toBe(201);
    const reused = await post('/v1/integrator/watchlists', { ...LIST, name: '另一招标' }, key, 'watch-000002');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.body.title_zh).toBeTruthy();
    expect(reused.body.title_en).toBeTruthy();
    expect((await watchlists(key)).map((w: any) => w.name)).toEqual([LIST.name]);
    const onEndpoint = await post('/v1/integrator/webhooks', ENDPOINT, key, 'watch-000002');
    expect(onEndpoint.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await endpoints(key)).toEqual([]);
  });

  it('makes a retried endpoint once and shows the same secret again, never a second endpoint', async () => {
    const key = await newKey();
    const first = await post('/v1/integrator/webhooks', ENDPOINT, key, 'hook-000001');
    const again = await post('/v1/integrator/webhooks', ENDPOINT, key, 'hook-000001');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.secret).toMatch(/^whsec_/);
    expect(again.body).toEqual(first.body);
    expect((await endpoints(key)).map((e: any) => e.id)).toEqual([first.body.id]);
  });

  it('rotates a secret once for a retried rotation, and deletes once for a retried delete', async () => {
    const key = await newKey();
    const made = await post('/v1/integrator/webhooks', ENDPOINT, key);
    const rotate = `/v1/integrator/webhooks/${made.body.id}/rotate-secret`;
    const first = await post(rotate, {}, key, 'rotate-000001');
    const again = await post(rotate, {}, key, 'rotate-000001');
    expect(again.body).toEqual(first.body);
    expect(first.body.secret).not.toBe(made.body.secret);
    const events = await sys.deps.store.listEvents(`webhook-endpoint/${made.body.id}`);
    expect(events.map((e) => e.action)).toEqual(['create', 'rotate-secret']);

    const list = await post('/v1/integrator/watchlists', LIST, key);
    const remove = `/v1/integrator/watchlists/${list.body.id}/delete`;
    const deleted = await post(remove, {}, key, 'delete-000001');
    const retried = await post(remove, {}, key, 'delete-000001');
    expect(deleted.status).toBe(200);
    // The retry answers what the first did, not 404 for a list that is gone.
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(deleted.body);
    expect(await sys.deps.store.listEvents(`watchlist/${list.body.id}`)).toHaveLength(2);
  });

  it('is the holder’s own: another holder’s same key and body is another request', async () => {
    const one = await newKey();
    const two = await newKey('另一平台');
    const a = await post('/v1/integrator/watchlists', LIST, one, 'shared-000001');
    const b = await post('/v1/integrator/watchlists', LIST, two, 'shared-000001');
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect(await watchlists(one)).toHaveLength(1);
    expect(await watchlists(two)).toHaveLength(1);
  });

  it('makes one list of parallel retries: each answers the one that committed', async () => {
    const key = await newKey();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => post('/v1/integrator/watchlists', LIST, key, 'race-0000001')),
    );
    const lists = await watchlists(key);
    expect(lists).toHaveLength(1);
    // A request that lost the holder's tally before the winner's key was written is a 409 and wrote nothing.
    for (const a of answers) {
      if (a.status === 201) expect(a.body.id).toBe(lists[0].id);
      else expect(a.body.code).toBe('VERSION_CONFLICT');
    }
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    const later = await post('/v1/integrator/watchlists', LIST, key, 'race-0000001');
    expect(later.body.id).toBe(lists[0].id);
    expect(await watchlists(key)).toHaveLength(1);
  });
});
