/**
 * Receipts anyone can re-check: one id per receipt (low-S signatures only, the high-S twin refused with a code),
 * and a short permalink that serves the receipt's JWS from the public `receipts/` objects.
 */
import { base64url } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { flipS, isLowS } from '../../shared/jws';
import { receiptId, verifyReceipt } from '../../shared/receipts';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
let number: string;
const jwks = async () => (await sys.api.get('/.well-known/jwks.json')).body;
const create = async () => (await sys.api.post('/v1/receipts', { number })).body;
const signatureOf = (jws: string) => base64url.decode(jws.split('.')[2]!);

/** The same signature with s replaced by n − s: valid ECDSA over the same bytes, a second JWS of one receipt. */
function twinOf(jws: string): string {
  const [header, payload] = jws.split('.');
  return `${header}.${payload}.${base64url.encode(flipS(signatureOf(jws)))}`;
}

async function ecdsaVerifies(jws: string, jwk: JsonWebKey): Promise<boolean> {
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  const input = new TextEncoder().encode(jws.slice(0, jws.lastIndexOf('.')));
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, Uint8Array.from(signatureOf(jws)), input);
}

beforeAll(async () => {
  number = (await issuedCertificate(sys.api, 96)).number;
});

describe('a receipt has exactly one id', () => {
  it('is always signed in low-S form (20 receipts, each s ≤ n/2)', async () => {
    const signatures = await Promise.all(Array.from({ length: 20 }, async () => signatureOf((await create()).jws)));
    expect(signatures.every((s) => s.length === 64 && isLowS(s))).toBe(true);
  });

  it('refuses the high-S twin of a genuine receipt with NON_CANONICAL_SIGNATURE, though its ECDSA holds', async () => {
    const { jws, id } = await create();
    const twin = twinOf(jws);
    const keys = await jwks();
    const kid = JSON.parse(new TextDecoder().decode(base64url.decode(jws.split('.')[0]!))).kid;
    const { kty, crv, x, y } = keys.keys.find((k: any) => k.kid === kid);
    // The twin is a genuine signature: without the rule it would be a second receipt with a second id.
    expect(await ecdsaVerifies(twin, { kty, crv, x, y })).toBe(true);
    expect(await receiptId(twin)).not.toBe(id);
    expect(await verifyReceipt(twin, keys)).toMatchObject({ valid: false, code: 'NON_CANONICAL_SIGNATURE' });
    const remote = await sys.api.post('/v1/receipts/verify', { jws: twin });
    expect(remote.body).toMatchObject({ valid: false, code: 'NON_CANONICAL_SIGNATURE' });
    expect(remote.body.receipt).toBeUndefined();
    expect((await sys.api.post('/v1/receipts/verify', { jws })).body).toMatchObject({ valid: true, id });
  });
});

describe('a receipt’s short permalink', () => {
  it('is <base>/r/<id>, and its JWS is public at /receipts/<id>, immutable', async () => {
    const { jws, id, link } = await create();
    expect(link).toBe(`${sys.url}/r/${id}`);
    expect(link.length).toBeLessThan(100);
    const kept = await fetch(`${sys.url}/receipts/${id}`);
    expect(kept.status).toBe(200);
    expect(kept.headers.get('content-type')).toContain('application/jose');
    expect(kept.headers.get('cache-control')).toContain('immutable');
    expect(await kept.text()).toBe(jws);
  });

  it('answers 404 for an id never issued', async () => {
    expect((await fetch(`${sys.url}/receipts/${'A'.repeat(43)}`)).status).toBe(404);
  });
});
