import { compactVerify, createLocalJWKSet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { sheetWithTotal } from '../../shared/scheme';
import { claimsOf, compactToken, encodeClaims, signingInput } from '../../shared/star-mark';
import { useTestSystem } from '../support/local-system';
import { tableSnapshot } from '../support/table-snapshot';
import { issuedCertificate } from '../support/walk';
import { type Forgery, forgeries } from '../unit/star-mark/forgeries';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
let cert: any;
let corpus: Forgery[];
const verify = (body: unknown) => sys.api.post('/v1/verifications', body);
const verifyToken = async (token: string) => (await verify({ token })).body.items[0];

beforeAll(async () => {
  cert = await issuedCertificate(sys.api, 92);
  const signer = await sys.deps.signingKeys!.signer();
  const jwks = (await sys.api.get('/.well-known/jwks.json')).body;
  corpus = await forgeries({
    genuine: cert.token,
    claims: { number: cert.number, level: cert.level, validUntil: cert.validUntil, cycle: cert.cycle },
    ourKid: cert.tokenKid,
    ourPublicJwk: jwks.keys.find((k: any) => k.kid === cert.tokenKid),
    signWithOurKey: (input) => signer.sign(input),
  });
});

describe('a certificate and its star mark', () => {
  it('is issued with a token signed by the current key, carrying number, level, valid-until and cycle', async () => {
    expect(cert.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const jwks = (await sys.api.get('/.well-known/jwks.json')).body;
    expect(cert.tokenKid).toBe(jwks.keys[0].kid);
    const { payload, protectedHeader } = await compactVerify(cert.token, createLocalJWKSet(jwks), {
      algorithms: ['ES256'],
    });
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: cert.tokenKid });
    expect(new TextDecoder().decode(payload)).toBe(
      encodeClaims({ number: cert.number, level: 'four', validUntil: '2029-11-22', cycle: 1 }),
    );
  });

  it('shows the current mark and its URL in the public record', async () => {
    const record = (await sys.api.get(`/v1/certificates/${cert.number}`)).body;
    expect(record.starMark).toEqual({ token: cert.token, kid: cert.tokenKid, url: `${sys.url}/v#${cert.token}` });
  });

  it('verifies online: authentic, VALID, with the live status and public record and the server time', async () => {
    const res = await verify({ token: cert.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.checkedAt).toBe('2026-11-23T02:00:00.000Z');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      authentic: true,
      verdict: 'VALID',
      kid: cert.tokenKid,
      status: 'valid',
      level: 'four',
      mark: { number: cert.number, level: 'four', validUntil: '2029-11-22', cycle: 1 },
      changes: [],
      record: { number: cert.number, status: 'valid', scoreBand: '90–94.9' },
    });
    expect(res.body.items[0].record.score).toBeUndefined();
  });

  it('serves the JWKS for a CDN to cache, with public keys only', async () => {
    const res = await sys.api.get('/.well-known/jwks.json');
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=300/);
    expect(res.body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', status: 'active' });
    expect(JSON.stringify(res.body)).not.toMatch(/"d"/);
    // Every ring, each key saying what it signs: the star-mark key first, then the receipt and status-snapshot keys.
    expect(res.body.keys.map((k: any) => [k.purpose, k.status])).toEqual([
      ['star-mark', 'active'],
      ['receipt', 'active'],
      ['status', 'active'],
    ]);
    expect(res.body.keys[0].kid).toBe(cert.tokenKid);
  });

  it('refuses a mark signed with the receipt key as UNKNOWN_KEY: the public function cannot mint star marks', async () => {
    const signer = await sys.deps.receiptKeys!.signer();
    const input = signingInput(claimsOf(cert), signer.kid);
    const forged = compactToken(input, await signer.sign(new TextEncoder().encode(input)));
    expect(await verifyToken(forged)).toMatchObject({ authentic: false, verdict: 'UNKNOWN_KEY', kid: signer.kid });
  });
});

describe('the forged-token corpus, through POST /v1/verifications', () => {
  it('refuses every forgery with its verdict, never authentic, and writes nothing', async () => {
    const before = await tableSnapshot(sys.dynamo.endpoint);
    for (const forgery of corpus) {
      const res = await verify({ token: forgery.token });
      expect(res.status, forgery.name).toBe(200);
      expect({
        name: forgery.name,
        verdict: res.body.items[0].verdict,
        authentic: res.body.items[0].authentic,
      }).toEqual({ name: forgery.name, verdict: forgery.verdict, authentic: false });
      expect(res.body.items[0].record, forgery.name).toBeUndefined();
    }
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
  });
});

describe('the live status wins over the mark', () => {
  it('says LEVEL_CHANGED when a surveillance lowered the level, and what changed; the new mark is VALID', async () => {
    const lowered = await issuedCertificate(sys.api, 93);
    const res = await sys.api.post(
      `/v1/staff/certificates/${lowered.number}/record-surveillance`,
      { auditDate: '2026-11-23', scoreSheet: sheetWithTotal(84) },
      'evaluator-li',
    );
    expect(res.body.pendingSurveillance?.grounds).toEqual(['level_change']);
    // Until the committee confirms the lower level, the mark stays VALID at four stars.
    expect(await verifyToken(lowered.token)).toMatchObject({ verdict: 'VALID', level: 'four' });
    const confirmed = await sys.api.post(
      `/v1/staff/certificates/${lowered.number}/approve-surveillance`,
      {},
      'committee-zhao',
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.level).toBe('three');
    expect(confirmed.body.token).not.toBe(lowered.token);
    const old = await verifyToken(lowered.token);
    expect(old).toMatchObject({
      authentic: true,
      verdict: 'LEVEL_CHANGED',
      status: 'valid',
      level: 'three',
      mark: { level: 'four' },
    });
    expect(old.changes).toEqual([{ field: 'level', mark: 'four', live: 'three' }]);
    expect(old.reason).toContain('three');
    expect(await verifyToken(confirmed.body.token)).toMatchObject({
      authentic: true,
      verdict: 'VALID',
      level: 'three',
    });
  });

  it('says SUSPENDED, still authentic, once an admin suspends the certificate', async () => {
    const suspended = await issuedCertificate(sys.api, 96);
    const res = await sys.api.post(
      `/v1/staff/certificates/${suspended.number}/suspend`,
      { reason: '投诉处理严重超时' },
      'admin-qian',
    );
    expect(res.status).toBe(200);
    expect(await verifyToken(suspended.token)).toMatchObject({
      authentic: true,
      verdict: 'SUSPENDED',
      status: 'suspended',
      level: 'five',
      record: { status: 'suspended' },
    });
  });

  it('says WITHDRAWN and CANCELLED for certificates ended by the body or by the holder', async () => {
    const withdrawn = await issuedCertificate(sys.api, 81);
    const cancelled = await issuedCertificate(sys.api, 75);
    await sys.api.post(`/v1/staff/certificates/${withdrawn.number}/withdraw`, { reason: '虚假宣传' }, 'admin-qian');
    await sys.api.post(`/v1/staff/certificates/${cancelled.number}/cancel`, { reason: '持证人申请注销' }, 'admin-qian');
    expect((await verifyToken(withdrawn.token)).verdict).toBe('WITHDRAWN');
    expect((await verifyToken(cancelled.token)).verdict).toBe('CANCELLED');
  });

  it('judges expiry by the server clock, not by anything the client sends', async () => {
    sys.setNow('2029-11-23T02:00:00Z');
    try {
      const res = await verify({ token: cert.token });
      expect(res.body.checkedAt).toBe('2029-11-23T02:00:00.000Z');
      expect(res.body.items[0]).toMatchObject({ authentic: true, verdict: 'EXPIRED', status: 'expired' });
    } finally {
      sys.setNow('2026-11-23T02:00:00Z');
    }
  });
});
