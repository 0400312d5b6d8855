/**
 * The whole star-mark path with the AWS key ring: KMS keys (a stand-in for the KMS service, see fake-kms.ts) and
 * revocations in the real table on DynamoDB Local, behind the same HTTP API.
 */
import { compactVerify, createLocalJWKSet } from 'jose';
import { describe, expect, it } from 'vitest';
import { StarMarkTokens } from '../../functions/signing/issuer';
import { KmsKeyRing } from '../../functions/signing/kms/kms-key-ring';
import { jwksOf, verifyStarMark } from '../../shared/star-mark';
import { useTestSystem } from '../support/local-system';
import { tableSnapshot } from '../support/table-snapshot';
import { caseToScored, issuedCertificate } from '../support/walk';
import { fakeKms } from '../unit/star-mark/fake-kms';

const OLD = 'arn:aws:kms:cn-north-1:123456789012:key/11111111-old';
const CURRENT = 'arn:aws:kms:cn-north-1:123456789012:key/22222222-current';
const NEXT = 'arn:aws:kms:cn-north-1:123456789012:key/33333333-next';
const kms = fakeKms();
for (const id of [OLD, CURRENT, NEXT]) kms.addKey(id);

const sys = useTestSystem({
  now: '2026-11-23T02:00:00Z',
  signingKeys: (store) => new KmsKeyRing({ kms, keyIds: [OLD], store, revocationCacheMs: 0 }),
});
/** What deploying a new SIGNING_KEY_IDS does: a fresh container builds its ring from the new list. */
function deploy(keyIds: string[]) {
  const ring = new KmsKeyRing({ kms, keyIds, store: sys.deps.store, revocationCacheMs: 0 });
  sys.deps.signingKeys = ring;
  sys.deps.starMarks = new StarMarkTokens(ring);
  return ring;
}
/** The star-mark keys of the published JWKS (the receipt keys beside them have their own ring). */
const jwks = async () => {
  const body = (await sys.api.get('/.well-known/jwks.json')).body;
  return {
    ...body,
    keys: body.keys.filter((k: any) => k.purpose === 'star-mark'),
    revoked: (body.revoked ?? []).filter((r: any) => r.purpose === 'star-mark'),
  };
};
const verdictOf = async (token: string) => (await sys.api.post('/v1/verifications', { token })).body.items[0];

describe('star marks signed by KMS', () => {
  let first: any;

  it('issues a certificate whose mark KMS signed over the digest, and which jose verifies with the published key', async () => {
    first = await issuedCertificate(sys.api, 93);
    const published = await jwks();
    expect(published.keys).toHaveLength(1);
    expect(published.keys[0]).toMatchObject({ kid: first.tokenKid, status: 'active', kty: 'EC', crv: 'P-256' });
    await expect(
      compactVerify(first.token, createLocalJWKSet(published), { algorithms: ['ES256'] }),
    ).resolves.toBeTruthy();
    expect(await verdictOf(first.token)).toMatchObject({ authentic: true, verdict: 'VALID' });
    expect(
      kms.calls.some(
        (c) => c.command === 'Sign' && c.keyId === OLD && c.messageType === 'DIGEST' && c.messageLength === 32,
      ),
    ).toBe(true);
  });

  it('refuses the rotate endpoint: in AWS a key is added by deployment', async () => {
    const res = await sys.api.post('/v1/staff/signing-keys/rotate', {}, 'admin-qian');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ROTATION_BY_DEPLOYMENT');
    expect((await sys.api.get('/v1/staff/signing-keys', 'admin-qian')).body.rotation).toBe('deployment');
  });

  it('after a deployment puts a new key first, signs with it and keeps the old one published as retired', async () => {
    deploy([CURRENT, OLD]);
    const second = await issuedCertificate(sys.api, 93);
    expect(second.tokenKid).not.toBe(first.tokenKid);
    const published = await jwks();
    expect(published.keys.map((k: any) => [k.kid, k.status])).toEqual([
      [second.tokenKid, 'active'],
      [first.tokenKid, 'retired'],
    ]);
    expect((await verdictOf(first.token)).verdict).toBe('VALID');
    expect((await verdictOf(second.token)).verdict).toBe('VALID');
  });

  it('revokes a key as data in the table, with its audit event; its marks fail in the public API', async () => {
    const res = await sys.api.post(
      `/v1/staff/signing-keys/${first.tokenKid}/revoke`,
      { reason: 'IAM credentials with kms:Sign leaked' },
      'admin-qian',
    );
    expect(res.status).toBe(200);
    const item = await sys.deps.store.getItem(`KEY#${first.tokenKid}`, 'KEY');
    expect(item).toMatchObject({ status: 'revoked', keyId: OLD, revokedBy: 'admin-qian' });
    const events = await sys.deps.store.listEvents(`signing-key/${first.tokenKid}`);
    expect(events.map((e) => [e.action, e.to, e.actor.sub])).toEqual([['revoke', 'revoked', 'admin-qian']]);
    expect(await verdictOf(first.token)).toMatchObject({ authentic: false, verdict: 'REVOKED_KEY' });
    expect((await jwks()).revoked.map((r: any) => r.kid)).toEqual([first.tokenKid]);
  });

  it('serves JWKS and verification from a fresh read-only ring (the public function), revocation included', async () => {
    const readOnly = new KmsKeyRing({ kms, keyIds: [CURRENT, OLD], store: sys.deps.store, revocationCacheMs: 0 });
    const records = await readOnly.records();
    expect(records.map((r) => r.status)).toEqual(['active', 'revoked']);
    expect((await verifyStarMark(first.token, jwksOf(records), new Date('2026-11-23T02:00:00Z'))).verdict).toBe(
      'REVOKED_KEY',
    );
  });

  it('stops issuing, writing nothing, when the signing key itself is revoked, until a new key is deployed', async () => {
    const current = (await jwks()).keys[0].kid;
    await sys.api.post(`/v1/staff/signing-keys/${current}/revoke`, { reason: 'compromised' }, 'admin-qian');
    const id = await caseToScored(sys.api, 90);
    await sys.api.post(`/v1/staff/applications/${id}/approve`, {}, 'committee-zhao');
    const before = await tableSnapshot(sys.dynamo.endpoint);
    const refused = await sys.api.post(`/v1/staff/applications/${id}/issue`, {}, 'admin-qian');
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('SIGNING_KEY_UNAVAILABLE');
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
    deploy([NEXT, CURRENT, OLD]);
    const issued = await sys.api.post(`/v1/staff/applications/${id}/issue`, {}, 'admin-qian');
    expect(issued.status).toBe(200);
    expect(await verdictOf(issued.body.certificate.token)).toMatchObject({ authentic: true, verdict: 'VALID' });
  });

  it('lets exactly one of two containers racing to revoke the same key commit it, by a conditional write', async () => {
    const containers = [0, 1].map(
      () => new KmsKeyRing({ kms, keyIds: [NEXT, CURRENT, OLD], store: sys.deps.store, revocationCacheMs: 60_000 }),
    );
    // Both have read the ring before either revokes: each believes the key is in use.
    for (const ring of containers) expect((await ring.records())[0]!.status).toBe('active');
    const nextKid = (await containers[0]!.records())[0]!.kid;
    const results = await Promise.allSettled(
      containers.map((ring) =>
        ring.revoke(nextKid, 'race', new Date('2026-11-23T02:00:00Z'), { sub: 'admin-qian', roles: ['admin'] }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason.code).toBe('ILLEGAL_TRANSITION');
    expect(await sys.deps.store.listEvents(`signing-key/${nextKid}`)).toHaveLength(1);
  });
});
