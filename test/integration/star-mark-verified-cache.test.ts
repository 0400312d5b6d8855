import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const verdictOf = async (token: string) => (await sys.api.post('/v1/verifications', { token })).body.items[0];

describe('the signatures an instance has already verified', () => {
  it('answers a repeated token as the first check did, and honours a revocation in the very next request', async () => {
    const cert = await issuedCertificate(sys.api, 93);
    const first = await verdictOf(cert.token);
    expect(first).toMatchObject({ authentic: true, verdict: 'VALID' });
    // Answered from the cache now: the same verdict, the live record read again.
    expect(await verdictOf(cert.token)).toEqual(await verdictOf(cert.token));
    const revoked = await sys.api.post(
      `/v1/staff/signing-keys/${cert.tokenKid}/revoke`,
      { reason: '签名服务器被入侵' },
      'admin-qian',
    );
    expect(revoked.status).toBe(200);
    expect(await verdictOf(cert.token)).toMatchObject({ authentic: false, verdict: 'REVOKED_KEY' });
  });

  it('reads the live record on every check: a suspension shows in the next answer for the same token', async () => {
    const cert = await issuedCertificate(sys.api, 94);
    expect(await verdictOf(cert.token)).toMatchObject({ authentic: true, verdict: 'VALID' });
    const suspended = await sys.api.post(
      `/v1/staff/certificates/${cert.number}/suspend`,
      { reason: '监督审核发现问题' },
      'admin-qian',
    );
    expect(suspended.status).toBe(200);
    expect(await verdictOf(cert.token)).toMatchObject({ authentic: true, verdict: 'SUSPENDED' });
  });
});
