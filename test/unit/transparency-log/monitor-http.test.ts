/**
 * The monitor over HTTP meets the public API's rate limit like any client: it waits as Retry-After says and asks
 * again, sends an API key when given one, and still stops on a real failure.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpMonitorSource, retryDelayMs } from '../../../scripts/monitor-http';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A registry that answers each request with the next of `answers` (status, headers), then 200 with a record. */
async function registry(answers: [number, Record<string, string>][]) {
  const seen: IncomingHttpHeaders[] = [];
  server = createServer((req, res) => {
    seen.push(req.headers);
    const [status, headers] = answers.shift() ?? [200, { 'content-type': 'application/json' }];
    res.writeHead(status, headers);
    res.end(status === 200 ? JSON.stringify({ number: 'SM-SV-2026-000001', log: { index: 7 } }) : '{}');
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('the monitor over HTTP', () => {
  it('waits as Retry-After says after a 429 or 503 and asks again', async () => {
    const { url, seen } = await registry([
      [429, { 'retry-after': '2' }],
      [503, {}],
    ]);
    const waits: number[] = [];
    const source = httpMonitorSource(url, fetch, { sleep: async (ms) => void waits.push(ms) });
    const found = await source.records(['SM-SV-2026-000001']);
    expect(found.get('SM-SV-2026-000001')?.latestEntry).toBe(7);
    expect(waits).toEqual([2000, 1000]);
    expect(seen).toHaveLength(3);
  });

  it('sends the API key it was given', async () => {
    const { url, seen } = await registry([]);
    await httpMonitorSource(url, fetch, { apiKey: 'smk_test.secret' }).records(['SM-SV-2026-000001']);
    expect(seen[0]?.['x-api-key']).toBe('smk_test.secret');
  });

  it('gives up after its retries and on any other failure, naming the request', async () => {
    const limited = await registry(Array.from({ length: 5 }, () => [429, { 'retry-after': '0' }]));
    const source = httpMonitorSource(limited.url, fetch, { retries: 2, sleep: async () => {} });
    await expect(source.records(['SM-SV-2026-000001'])).rejects.toThrow('GET /v1/certificates/SM-SV-2026-000001: 429');
    expect(limited.seen).toHaveLength(3);
  });

  it('reads Retry-After as seconds or as a date, never waiting past a minute', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(retryDelayMs('3', now)).toBe(3000);
    expect(retryDelayMs('Wed, 02 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryDelayMs('86400', now)).toBe(60_000);
    expect(retryDelayMs(null, now)).toBe(1000);
    expect(retryDelayMs('soon', now)).toBe(1000);
  });
});
