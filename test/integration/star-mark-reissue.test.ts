/**
 * Honest revocation: revoking a star-mark key re-signs the mark of every valid or suspended certificate it signed,
 * each with its audit event, a notice to the holder and a warning in the console until new artwork is downloaded;
 * a revocation that leaves no key to sign with waits for the rotation; the sweep carries on what a request left.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { OutboxNotifier } from '../../functions/notify/outbox';
import { continueMarkReissues } from '../../functions/service/mark-reissue';
import { runDailyOperations } from '../../functions/service/sweep';
import { SYSTEM_SWEEP } from '../../shared/model';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const ADMIN = 'admin-qian';
const verdictOf = async (token: string) => (await sys.api.post('/v1/verifications', { token })).body.items[0];
const certificate = async (number: string) => (await sys.api.get(`/v1/staff/certificates/${number}`, ADMIN)).body;
const awaiting = async (as = ADMIN) =>
  (await sys.api.get('/v1/staff/star-marks/awaiting-artwork', as)).body.items.map((c: any) => c.number);
const outbox = async () => (await sys.api.get('/v1/staff/outbox?limit=100', ADMIN)).body.items;
const eventsOf = async (number: string) =>
  (await sys.api.get(`/v1/staff/certificates/${number}/events`, ADMIN)).body.items.map((e: any) => e.action);
const activeKid = async () =>
  (await sys.api.get('/v1/staff/signing-keys', ADMIN)).body.items.find((k: any) => k.status === 'active').kid;
const revoke = (kid: string) => sys.api.post(`/v1/staff/signing-keys/${kid}/revoke`, { reason: 'key leaked' }, ADMIN);

describe('revoking a retired key', () => {
  let oldKid: string;
  let valid: any;
  let suspended: any;
  let withdrawn: any;
  let newKid: string;
  beforeAll(async () => {
    valid = await issuedCertificate(sys.api, 92);
    suspended = await issuedCertificate(sys.api, 93, { by: { applicant: 'applicant-beta' } });
    withdrawn = await issuedCertificate(sys.api, 94);
    oldKid = valid.tokenKid;
    await sys.api.post(`/v1/staff/certificates/${suspended.number}/suspend`, { reason: '重大投诉未处理' }, ADMIN);
    await sys.api.post(`/v1/staff/certificates/${withdrawn.number}/withdraw`, { reason: '虚假宣传' }, ADMIN);
    newKid = (await sys.api.post('/v1/staff/signing-keys/rotate', {}, ADMIN)).body.kid;
  });

  it('re-signs the mark of every valid or suspended certificate it signed with the current key', async () => {
    const res = await revoke(oldKid);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'revoked', reissue: { finished: true, waitingForKey: false } });
    for (const c of [valid, suspended]) {
      const now = await certificate(c.number);
      expect(now.tokenKid).toBe(newKid);
      expect(now.token).not.toBe(c.token);
      expect(now.markReissue).toEqual({ revokedKid: oldKid, reissuedAt: '2026-11-23T02:00:00.000Z' });
      expect(await eventsOf(c.number)).toContain('mark_reissued');
      expect((await verdictOf(now.token)).authentic).toBe(true);
    }
    expect((await verdictOf(valid.token)).verdict).toBe('REVOKED_KEY');
    // A withdrawn certificate's mark is not brought back to life.
    expect((await certificate(withdrawn.number)).tokenKid).toBe(oldKid);
  });

  it('tells each holder through the outbox, once', async () => {
    const notices = (await outbox()).filter((e: any) => e.kind === 'mark_reissued');
    expect(notices.map((e: any) => e.number).sort()).toEqual([valid.number, suspended.number].sort());
    for (const n of notices) {
      expect(n).toMatchObject({ status: 'sent', channel: 'outbox', revokedKid: oldKid });
      expect(n.text).toContain('2026-11-23');
      expect(n.subject).toContain(n.number);
    }
    await runDailyOperations(sys.deps, new OutboxNotifier());
    expect((await outbox()).filter((e: any) => e.kind === 'mark_reissued')).toHaveLength(2);
  });

  it('lists the certificates with a re-signed mark until new artwork is downloaded; a holder sees its own', async () => {
    expect((await awaiting()).sort()).toEqual([valid.number, suspended.number].sort());
    expect(await awaiting('applicant-beta')).toEqual([suspended.number]);
    const png = await fetch(`${sys.url}/v1/staff/certificates/${valid.number}/star-mark.png`, {
      headers: { authorization: `Bearer ${await sys.tokenOf('applicant-acme')}` },
    });
    expect(png.status).toBe(200);
    expect(await awaiting()).toEqual([suspended.number]);
    const after = await certificate(valid.number);
    expect(after.markReissue.downloadedAt).toBe('2026-11-23T02:00:00.000Z');
    expect(await eventsOf(valid.number)).toContain('mark_artwork_downloaded');
  });

  it('answers a revocation retried with the same Idempotency-Key without re-signing twice', async () => {
    const c = await issuedCertificate(sys.api, 91);
    await sys.api.post('/v1/staff/signing-keys/rotate', {}, ADMIN);
    const headers = { 'idempotency-key': 'revoke-reissue-0001' };
    const first = await sys.api.post(`/v1/staff/signing-keys/${c.tokenKid}/revoke`, { reason: 'x' }, ADMIN, headers);
    const again = await sys.api.post(`/v1/staff/signing-keys/${c.tokenKid}/revoke`, { reason: 'x' }, ADMIN, headers);
    expect(again.body).toEqual(first.body);
    expect((await eventsOf(c.number)).filter((a: string) => a === 'mark_reissued')).toHaveLength(1);
  });
});

describe('revoking the signing key itself', () => {
  it('re-signs with the successor the local ring makes in the same change', async () => {
    const c = await issuedCertificate(sys.api, 90);
    const res = await revoke(c.tokenKid);
    expect(res.body.reissue).toMatchObject({ finished: true, waitingForKey: false });
    const successor = await activeKid();
    expect(successor).not.toBe(c.tokenKid);
    expect((await certificate(c.number)).tokenKid).toBe(successor);
    expect(await awaiting()).toContain(c.number);
  });
});

describe('a revocation the request did not finish', () => {
  it('goes on in bounded batches, and the sweep finishes it — also for a key revoked on the key files alone', async () => {
    const certs = [await issuedCertificate(sys.api, 92), await issuedCertificate(sys.api, 92)];
    const kid = certs[0].tokenKid;
    await sys.api.post('/v1/staff/signing-keys/rotate', {}, ADMIN);
    const current = await activeKid();
    // As `npm run rotate-key -- --revoke` does: the ring alone, no job started.
    await sys.deps.signingKeys!.revoke(kid, 'laptop stolen', sys.deps.clock(), SYSTEM_SWEEP);
    const first = await continueMarkReissues(sys.deps, SYSTEM_SWEEP, { ms: 0, pageSize: 1 });
    expect(first.unfinished).toEqual([kid]);
    expect(first.reissued.length).toBeLessThanOrEqual(1);
    const daily = await runDailyOperations(sys.deps, new OutboxNotifier());
    expect(daily.marks.unfinished).toEqual([]);
    for (const c of certs) expect((await certificate(c.number)).tokenKid).toBe(current);
    // Every certificate the key signed (earlier re-signed marks among them), each once.
    const reissued = [...first.reissued, ...daily.marks.reissued];
    expect(new Set(reissued).size).toBe(reissued.length);
    expect(reissued).toEqual(expect.arrayContaining(certs.map((c) => c.number)));
    for (const n of reissued) expect((await certificate(n)).tokenKid).toBe(current);
    expect(daily.notices.sent.sort()).toEqual(reissued.map((n) => `${n}#mark_reissued#${kid}`).sort());
  });
});
