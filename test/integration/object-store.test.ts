import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../support/local-system';

const sys = useTestSystem({ onDisk: true });

describe('the object store (a real S3-compatible server, through the S3 adapter)', () => {
  it('keeps what is put, lists it by prefix in key order, and forgets what is deleted', async () => {
    const objects = sys.s3.objects;
    await objects.put('log/tile/0/001', new Uint8Array([1, 2, 3]), { contentType: 'application/octet-stream' });
    await objects.put('log/tile/0/000', 'zero', { contentType: 'text/plain; charset=utf-8' });
    await objects.put('private/draft.pdf', 'draft', { contentType: 'application/pdf' });
    expect(await objects.list('log/')).toEqual(['log/tile/0/000', 'log/tile/0/001']);
    expect([...((await objects.get('log/tile/0/001'))?.body ?? [])]).toEqual([1, 2, 3]);
    expect(await objects.get('log/nothing-here')).toBeUndefined();
    await objects.delete('log/tile/0/001');
    expect(await objects.list('log/')).toEqual(['log/tile/0/000']);
  });

  it('serves an object under a public prefix at its own path, with its type and caching', async () => {
    await sys.s3.objects.put('log/checkpoint', 'example.com/log\n1\nAAAA\n', {
      contentType: 'text/plain; charset=utf-8',
      cacheControl: 'public, max-age=5',
    });
    const res = await fetch(`${sys.url}/log/checkpoint`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=5');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('example.com/log\n1\nAAAA\n');
    expect((await fetch(`${sys.url}/log/no-such-tile`)).status).toBe(404);
  });

  it('never serves an object outside the public prefixes, however the path is written', async () => {
    await sys.s3.objects.put('private/secret.txt', 'not for the public', { contentType: 'text/plain' });
    for (const path of ['/private/secret.txt', '/log/..%2fprivate/secret.txt', '/log/%2e%2e/private/secret.txt']) {
      const res = await fetch(`${sys.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('not for the public');
    }
    expect((await fetch(`${sys.url}/log/checkpoint`, { method: 'POST' })).status).not.toBe(200);
  });

  it('keeps the objects in the data folder, under objects/', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(`${sys.dataDir}/objects`)).toContain('starmark-objects');
  });
});
