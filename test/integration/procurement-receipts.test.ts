/**
 * Receipts: signed, citable answers that verify later against the JWKS, and fail when edited. They are signed by
 * the receipt key ring, never the star-mark key: the public function that signs them must not be able to sign marks.
 */
import { base64url } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/audit/chain';
import { RECEIPT_TYP, receiptFromFragment, receiptId, receiptSigningInput, verifyReceipt } from '../../shared/receipts';
import { compactToken } from '../../shared/star-mark';
import { useTestSystem } from '../support/local-system';
import { tableSnapshot } from '../support/table-snapshot';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
let valid: any;
let suspended: any;
const jwks = async () => (await sys.api.get('/.well-known/jwks.json')).body;
const create = (number: string) => sys.api.post('/v1/receipts', { number });
const check = (jws: string) => sys.api.post('/v1/receipts/verify', { jws });
const kidOf = (jws: string) => JSON.parse(new TextDecoder().decode(base64url.decode(jws.split('.')[0]!))).kid as string;
const admin = { sub: 'admin-qian', roles: ['admin' as const] };

/** The JWS with its payload replaced (the signature kept): what someone editing a receipt would produce. */
function withPayload(jws: string, edit: (payload: any) => any): string {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const edited = edit(JSON.parse(new TextDecoder().decode(base64url.decode(payload))));
  return `${header}.${base64url.encode(new TextEncoder().encode(canonicalJson(edited)))}.${signature}`;
}

beforeAll(async () => {
  valid = await issuedCertificate(sys.api, 96);
  suspended = await issuedCertificate(sys.api, 85);
  await sys.api.post(`/v1/staff/certificates/${suspended.number}/suspend`, { reason: '重大投诉未处理' }, 'admin-qian');
});

describe('a receipt', () => {
  it('states the verdict, the public record at that moment and the time, signed, with a permalink that carries it', async () => {
    const before = await tableSnapshot(sys.dynamo.endpoint);
    const res = await create(valid.number.toLowerCase());
    expect(res.status).toBe(201);
    const { id, jws, permalink, receipt } = res.body;
    expect(receipt).toMatchObject({
      v: 1,
      number: valid.number,
      verdict: 'VALID',
      status: 'valid',
      level: 'five',
      checkedAt: '2026-11-23T02:00:00.000Z',
      iss: sys.url,
    });
    // Who vouches for the certificate is part of what was signed: name and CNCA approval number.
    const body = sys.deps.config.certificationBody;
    expect(receipt.body).toEqual({ name: body.name, approvalNumber: body.approvalNumber, website: body.website });
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(jws.split('.')[1])))).toMatchObject({
      body: { approvalNumber: body.approvalNumber },
    });
    expect(receipt.record).toMatchObject({
      number: valid.number,
      organization: { name: valid.organization.name },
      asOf: '2026-11-23T02:00:00.000Z',
    });
    expect(receipt.record.score).toBeUndefined();
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(jws.split('.')[0])))).toMatchObject({
      alg: 'ES256',
      typ: RECEIPT_TYP,
    });
    expect(id).toBe(await receiptId(jws));
    expect(permalink.startsWith(`${sys.url}/procurement.html#`)).toBe(true);
    expect(receiptFromFragment(new URL(permalink).hash)).toBe(jws);
    // Stateless: issuing a receipt writes nothing (the public function only reads the table).
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
  });

  it('verifies against the published JWKS, in-process (as the browser does) and through the API', async () => {
    const { jws, id } = (await create(valid.number)).body;
    const local = await verifyReceipt(jws, await jwks());
    expect(local).toMatchObject({
      valid: true,
      code: 'VALID',
      id,
      receipt: { number: valid.number, verdict: 'VALID' },
    });
    const remote = await check(jws);
    expect(remote.status).toBe(200);
    expect(remote.body).toMatchObject({ valid: true, code: 'VALID', id });
  });

  it('records a suspension and an unknown number as faithfully as a valid certificate', async () => {
    const s = (await create(suspended.number)).body;
    expect(s.receipt).toMatchObject({ verdict: 'SUSPENDED', status: 'suspended' });
    const unknown = (await create('SM-SV-2026-999999')).body;
    expect(unknown.receipt).toMatchObject({ verdict: 'UNKNOWN_NUMBER', number: 'SM-SV-2026-999999' });
    expect(unknown.receipt.record).toBeUndefined();
    expect((await check(unknown.jws)).body.valid).toBe(true);
  });

  it.each([
    [
      'a verdict edited to VALID',
      (jws: string) => withPayload(jws, (p) => ({ ...p, verdict: 'VALID', status: 'valid' })),
    ],
    ['a date moved back', (jws: string) => withPayload(jws, (p) => ({ ...p, checkedAt: '2026-01-01T00:00:00.000Z' }))],
    ['a changed signature', (jws: string) => `${jws.slice(0, -6)}${jws.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`],
  ])('fails when edited: %s', async (_name, edit) => {
    const { jws } = (await create(suspended.number)).body;
    const edited = edit(jws);
    expect(await verifyReceipt(edited, await jwks())).toMatchObject({ valid: false, code: 'BAD_SIGNATURE' });
    expect((await check(edited)).body).toMatchObject({ valid: false, code: 'BAD_SIGNATURE' });
    expect((await check(edited)).body.receipt).toBeUndefined();
  });

  it.each([
    ['alg none', { alg: 'none' }, 'BAD_SIGNATURE'],
    ['an HMAC alg', { alg: 'HS256' }, 'BAD_SIGNATURE'],
    ['a key carried in the header', { jwk: { kty: 'EC' } }, 'MALFORMED'],
    ['no typ', { typ: undefined }, 'NOT_A_RECEIPT'],
    ['an unknown kid', { kid: 'nobody00' }, 'UNKNOWN_KEY'],
  ])('refuses a header with %s', async (_name, change, code) => {
    const { jws } = (await create(valid.number)).body;
    const [header, payload, signature] = jws.split('.');
    const edited = { ...JSON.parse(new TextDecoder().decode(base64url.decode(header))), ...change };
    const forged = `${base64url.encode(JSON.stringify(edited))}.${payload}.${signature}`;
    expect(await verifyReceipt(forged, await jwks())).toMatchObject({ valid: false, code });
  });

  it('is never taken for a star mark, nor a star mark for a receipt', async () => {
    const { jws } = (await create(valid.number)).body;
    const asMark = await sys.api.post('/v1/verifications', { token: jws });
    expect(asMark.status).toBe(200);
    expect(asMark.body.items[0].authentic).toBe(false);
    const mark = valid.token as string;
    expect(mark).toBeTruthy();
    expect((await check(mark)).body).toMatchObject({ valid: false, code: 'NOT_A_RECEIPT' });
    expect((await check('not a jws')).body).toMatchObject({ valid: false, code: 'MALFORMED' });
  });

  it('is signed by a receipt key; one signed with the star-mark key is refused (UNKNOWN_KEY)', async () => {
    const { jws, receipt } = (await create(valid.number)).body;
    const published = await jwks();
    expect(published.keys.find((k: any) => k.kid === kidOf(jws))).toMatchObject({
      purpose: 'receipt',
      use: 'sig',
      status: 'active',
    });
    expect(published.keys.find((k: any) => k.kid === valid.tokenKid)).toMatchObject({ purpose: 'star-mark' });
    const signer = await sys.deps.signingKeys!.signer();
    const input = receiptSigningInput(receipt, signer.kid);
    const forged = compactToken(input, await signer.sign(new TextEncoder().encode(input)));
    expect(await verifyReceipt(forged, published)).toMatchObject({
      valid: false,
      code: 'UNKNOWN_KEY',
      kid: signer.kid,
    });
    expect((await check(forged)).body).toMatchObject({ valid: false, code: 'UNKNOWN_KEY', kid: signer.kid });
  });

  it('is untouched by a star-mark key rotation; verifies after its own key rotates, and not once that is revoked', async () => {
    const { jws } = (await create(valid.number)).body;
    const kid = kidOf(jws);
    const rotated = await sys.api.post('/v1/staff/signing-keys/rotate', {}, 'admin-qian');
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    expect(kidOf((await create(valid.number)).body.jws)).toBe(kid);

    // The receipt ring rotates the way the star-mark ring does (locally: npm run rotate-key -- --receipt).
    await sys.deps.receiptKeys!.rotate(sys.deps.clock(), admin);
    expect((await jwks()).keys.find((k: any) => k.kid === kid)?.status).toBe('retired');
    expect(await verifyReceipt(jws, await jwks())).toMatchObject({ valid: true, kid });
    const fresh = (await create(valid.number)).body.jws;
    expect(kidOf(fresh)).not.toBe(kid);

    await sys.deps.receiptKeys!.revoke(kid, '测试吊销', sys.deps.clock(), admin);
    expect(await verifyReceipt(jws, await jwks())).toMatchObject({ valid: false, code: 'REVOKED_KEY' });
    expect((await check(jws)).body).toMatchObject({ valid: false, code: 'REVOKED_KEY' });
    expect(await verifyReceipt(fresh, await jwks())).toMatchObject({ valid: true });
  });

  it.each([
    ['a malformed number', { number: 'SM-2026-1' }],
    ['no number', {}],
    ['an unknown field', { number: 'SM-SV-2026-000001', at: '2020-01-01' }],
  ])('refuses %s with a 400 problem', async (_name, body) => {
    const res = await sys.api.post('/v1/receipts', body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});
