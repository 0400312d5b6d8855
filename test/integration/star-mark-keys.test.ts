import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { compactVerify, createLocalJWKSet } from 'jose';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFromStarMarkUrl } from '../../shared/star-mark';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const jwks = async (s = sys) => (await s.api.get('/.well-known/jwks.json')).body;
/** The star-mark ring's share of the JWKS (the receipt ring is published beside it and rotates on its own). */
const starMarkKeys = (published: any) => published.keys.filter((k: any) => k.purpose === 'star-mark');
const verdictOf = async (token: string, s = sys) => (await s.api.post('/v1/verifications', { token })).body.items[0];

describe('rotating the signing key', () => {
  it.each(['evaluator-li', 'committee-zhao', 'applicant-acme'])('is refused to %s with FORBIDDEN_ROLE', async (who) => {
    const res = await sys.api.post('/v1/staff/signing-keys/rotate', {}, who);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN_ROLE');
    expect((await sys.api.get('/v1/staff/signing-keys', who)).body.code).toBe('FORBIDDEN_ROLE');
  });

  it('retires the old key, keeps its marks verifying, and signs new marks with the new key', async () => {
    const before = await issuedCertificate(sys.api, 91);
    const res = await sys.api.post('/v1/staff/signing-keys/rotate', {}, 'admin-qian');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'active', createdAt: '2026-11-23T02:00:00.000Z' });
    expect(res.body.publicJwk).toBeUndefined();
    const after = await issuedCertificate(sys.api, 91);
    expect(after.tokenKid).toBe(res.body.kid);
    expect(after.tokenKid).not.toBe(before.tokenKid);
    const published = await jwks();
    expect(starMarkKeys(published).map((k: any) => [k.kid, k.status])).toEqual([
      [res.body.kid, 'active'],
      [before.tokenKid, 'retired'],
    ]);
    for (const token of [before.token, after.token]) {
      expect(await verdictOf(token)).toMatchObject({ authentic: true, verdict: 'VALID' });
      await expect(compactVerify(token, createLocalJWKSet(published), { algorithms: ['ES256'] })).resolves.toBeTruthy();
    }
  });

  it('rotates once for a request retried with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'rotate-once-0001' };
    const first = await sys.api.post('/v1/staff/signing-keys/rotate', {}, 'admin-qian', headers);
    const again = await sys.api.post('/v1/staff/signing-keys/rotate', {}, 'admin-qian', headers);
    expect(again.body).toEqual(first.body);
    const list = (await sys.api.get('/v1/staff/signing-keys', 'admin-qian')).body;
    expect(list.rotation).toBe('here');
    expect(list.items.filter((k: any) => k.status === 'active').map((k: any) => k.kid)).toEqual([first.body.kid]);
  });
});

describe('revoking a compromised key', () => {
  let victim: any;
  beforeAll(async () => {
    victim = await issuedCertificate(sys.api, 95);
  });

  it('is refused to anyone but an admin, and needs a reason', async () => {
    expect(
      (await sys.api.post(`/v1/staff/signing-keys/${victim.tokenKid}/revoke`, { reason: 'x' }, 'committee-zhao')).body
        .code,
    ).toBe('FORBIDDEN_ROLE');
    expect((await sys.api.post(`/v1/staff/signing-keys/${victim.tokenKid}/revoke`, {}, 'admin-qian')).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await sys.api.post('/v1/staff/signing-keys/nosuchky/revoke', { reason: 'x' }, 'admin-qian')).status).toBe(
      404,
    );
  });

  it('makes the marks it signed fail, drops it from the usable keys, and signs on with a new key', async () => {
    const res = await sys.api.post(
      `/v1/staff/signing-keys/${victim.tokenKid}/revoke`,
      { reason: '签名服务器被入侵' },
      'admin-qian',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kid: victim.tokenKid, status: 'revoked', revokedAt: '2026-11-23T02:00:00.000Z' });
    const published = await jwks();
    expect(published.keys.map((k: any) => k.kid)).not.toContain(victim.tokenKid);
    expect(published.revoked).toEqual([
      { kid: victim.tokenKid, status: 'revoked', purpose: 'star-mark', revoked: '2026-11-23T02:00:00.000Z' },
    ]);
    expect(JSON.stringify(published)).not.toContain('入侵');
    expect(await verdictOf(victim.token)).toMatchObject({
      authentic: false,
      verdict: 'REVOKED_KEY',
      kid: victim.tokenKid,
    });
    await expect(
      compactVerify(victim.token, createLocalJWKSet(published), { algorithms: ['ES256'] }),
    ).rejects.toThrow();
    const next = await issuedCertificate(sys.api, 95);
    expect(published.keys[0]).toMatchObject({ kid: next.tokenKid, status: 'active' });
    expect(await verdictOf(next.token)).toMatchObject({ authentic: true, verdict: 'VALID' });
  });

  it('refuses to revoke the same key twice', async () => {
    const res = await sys.api.post(
      `/v1/staff/signing-keys/${victim.tokenKid}/revoke`,
      { reason: 'again' },
      'admin-qian',
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('shows the re-signed mark in the public record, and prints artwork with it', async () => {
    const record = (await sys.api.get(`/v1/certificates/${victim.number}`)).body;
    expect(JSON.stringify(record.starMark ?? null)).not.toContain(victim.token);
    const png = await fetch(`${sys.url}/v1/staff/certificates/${victim.number}/star-mark.png`, {
      headers: { authorization: `Bearer ${await sys.tokenOf('admin-qian')}` },
    });
    const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
    const token = tokenFromStarMarkUrl(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)!.data)!;
    expect(await verdictOf(token)).toMatchObject({
      authentic: true,
      verdict: 'VALID',
      mark: { number: victim.number },
    });
  });
});

describe('npm run rotate-key against a running system', () => {
  const local = useTestSystem({ now: '2026-11-23T02:00:00Z', onDisk: true });
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'scripts/rotate-key.ts',
      '--data',
      local.dataDir!,
      ...args,
    ]);

  it('takes effect without a restart: old marks keep verifying, new marks use the new key, a revoked key fails', async () => {
    const before = await issuedCertificate(local.api, 90);
    await run();
    const after = await issuedCertificate(local.api, 90);
    expect(after.tokenKid).not.toBe(before.tokenKid);
    expect(starMarkKeys(await jwks(local)).map((k: any) => k.kid)).toEqual([after.tokenKid, before.tokenKid]);
    expect((await verdictOf(before.token, local)).verdict).toBe('VALID');
    await run(`--revoke=${before.tokenKid}`, '--reason', 'laptop stolen');
    expect((await verdictOf(before.token, local)).verdict).toBe('REVOKED_KEY');
    expect((await verdictOf(after.token, local)).verdict).toBe('VALID');
  });

  it('rotates the receipt key with --receipt, leaving the star-mark keys alone', async () => {
    const receiptKeys = async () =>
      (await jwks(local)).keys.filter((k: any) => k.purpose === 'receipt').map((k: any) => [k.kid, k.status]);
    const marksBefore = starMarkKeys(await jwks(local));
    const [[oldKid]] = await receiptKeys();
    await run('--receipt');
    const [[newKid, status], retired] = await receiptKeys();
    expect([status, retired]).toEqual(['active', [oldKid, 'retired']]);
    expect(newKid).not.toBe(oldKid);
    expect(starMarkKeys(await jwks(local))).toEqual(marksBefore);
    const receipt = (await local.api.post('/v1/receipts', { number: 'SM-SV-2026-000001' })).body;
    expect((await local.api.post('/v1/receipts/verify', { jws: receipt.jws })).body).toMatchObject({
      valid: true,
      kid: newKid,
    });
  });
});
