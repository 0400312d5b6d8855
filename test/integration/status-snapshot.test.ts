/**
 * The signed status snapshot: every certificate that is not plainly valid is listed, with the time it was made, in
 * a JWS that only a status key can sign; it follows each status change at once (in the test system; within a
 * minute or two behind the edge cache in AWS), and lists the revoked star-mark keys.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { verifySnapshot } from '../../shared/status-snapshot';
import { useTestSystem } from '../support/local-system';
import { certificateDesk } from '../support/walk';

const sys = useTestSystem({ now: '2026-01-05' });
const desk = certificateDesk(sys);
const act = (number: string, slug: string) =>
  sys.api.post(`/v1/staff/certificates/${number}/${slug}`, { reason: '依据监督审核结果' }, 'admin-qian');

async function snapshotNow() {
  const res = await fetch(`${sys.url}/v1/status-snapshot`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/jose/);
  expect(res.headers.get('cache-control')).toMatch(/max-age=60/);
  const jws = await res.text();
  const jwks = (await sys.api.get('/.well-known/jwks.json')).body;
  const check = await verifySnapshot(jws, jwks, sys.deps.clock());
  if (!check.ok) throw new Error(`${check.code}: ${check.reason}`);
  return { jws, ...check };
}

describe('the status snapshot', () => {
  it('lists the suspended, withdrawn and level-changed certificates and no plainly valid one', {
    timeout: 180_000,
  }, async () => {
    const plain = await desk.issuedOn('2026-01-05', 92);
    const suspended = await desk.issuedOn('2026-01-05', 92);
    const withdrawn = await desk.issuedOn('2026-01-05', 92);
    const raised = await desk.issuedOn('2026-01-05', 92);
    sys.setNow('2026-12-15');
    expect((await act(suspended.number, 'suspend')).status).toBe(200);
    expect((await act(withdrawn.number, 'withdraw')).status).toBe(200);
    expect((await desk.surveil(raised.number, '2026-12-14', 97)).status).toBe(200);
    // A raised level counts once the committee confirms it.
    expect((await desk.decide(raised.number, 'approve')).body.level).toBe('five');
    const { snapshot, stale, kid } = await snapshotNow();
    expect(stale).toBe(false);
    expect(snapshot.iat).toBe(sys.deps.clock().toISOString());
    expect(snapshot.entries.get(suspended.number)).toEqual({ number: suspended.number, status: 'suspended' });
    expect(snapshot.entries.get(withdrawn.number)).toEqual({ number: withdrawn.number, status: 'withdrawn' });
    expect(snapshot.entries.get(raised.number)).toEqual({ number: raised.number, status: 'valid', level: 'five' });
    expect(snapshot.entries.has(plain.number)).toBe(false);
    const jwks = (await sys.api.get('/.well-known/jwks.json')).body;
    expect(jwks.keys.find((k: any) => k.kid === kid)).toMatchObject({ purpose: 'status' });
  });

  it('drops a certificate once it is plainly valid again, in the very next snapshot', async () => {
    const cert = await desk.issuedOn('2026-01-05', 92);
    sys.setNow('2026-12-15');
    await act(cert.number, 'suspend');
    expect((await snapshotNow()).snapshot.entries.get(cert.number)?.status).toBe('suspended');
    expect((await desk.surveil(cert.number, '2026-12-15', 92)).status).toBe(200);
    expect((await act(cert.number, 'reinstate')).status).toBe(200);
    expect((await snapshotNow()).snapshot.entries.has(cert.number)).toBe(false);
  });

  it('lists a revoked star-mark key, so that offline devices learn of it', async () => {
    const victim = (await sys.api.get('/v1/staff/signing-keys', 'admin-qian')).body.items.find(
      (k: any) => k.status === 'active',
    ).kid;
    expect(
      (await sys.api.post(`/v1/staff/signing-keys/${victim}/revoke`, { reason: 'test' }, 'admin-qian')).status,
    ).toBe(200);
    expect((await snapshotNow()).snapshot.revokedKeys).toContain(victim);
  });

  it('is small: a few hundred bytes gzipped for this registry', async () => {
    const { jws } = await snapshotNow();
    expect(gzipSync(jws).length).toBeLessThan(2000);
  });
});
