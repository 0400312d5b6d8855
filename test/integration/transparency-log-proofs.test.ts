import { describe, expect, it } from 'vitest';
import {
  checkRecordInLog,
  fromBase64,
  leafHash,
  openCheckpoint,
  parseVerifierKey,
  utf8,
  verifyConsistency,
  verifyInclusion,
} from '../../shared/transparency-log';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z', logIntegrationEveryMs: false });

const vkey = async () => (await fetch(`${sys.url}/log/key`)).text();
const record = async (number: string) => (await sys.api.get(`/v1/certificates/${number}`)).body;
const hashes = (proof: string[]) => proof.map((h) => fromBase64(h)!);

async function signedTree(note: string) {
  const verifier = parseVerifierKey(await vkey())!;
  const opened = await openCheckpoint(note, verifier, verifier.name);
  if (!opened.ok) throw new Error(opened.code);
  return opened.checkpoint;
}

describe('proofs where people look', () => {
  it('says pending until integration, then carries a proof the browser check accepts, in the record and receipt', async () => {
    const a = await issuedCertificate(sys.api);
    expect((await record(a.number)).log).toEqual({ state: 'pending', index: 0 });
    const early = await sys.api.post('/v1/receipts', { number: a.number });
    expect(early.body.receipt.log).toEqual({ state: 'pending', index: 0 });

    await sys.log.integrate();
    const shown = await record(a.number);
    expect(shown.log).toMatchObject({ state: 'included', index: 0, checkpointAt: '2026-11-23T02:00:00.000Z' });
    expect(await checkRecordInLog(shown, await vkey())).toEqual({
      kind: 'recorded',
      index: 0,
      size: 1,
      checkpointAt: '2026-11-23T02:00:00.000Z',
    });

    // The receipt signs the same proof: its JWS still verifies, and the proof inside checks.
    const receipt = await sys.api.post('/v1/receipts', { number: a.number });
    expect(receipt.body.receipt.log).toEqual(shown.log);
    const verified = await sys.api.post('/v1/receipts/verify', { jws: receipt.body.jws });
    expect(verified.body).toMatchObject({ valid: true, code: 'VALID' });
    expect(verified.body.receipt.log).toEqual(shown.log);
    const inReceipt = { ...receipt.body.receipt.record, log: receipt.body.receipt.log };
    expect((await checkRecordInLog(inReceipt, await vkey())).kind).toBe('recorded');
  });

  it('refuses a record whose proof or entry was changed, as the page does', async () => {
    const a = await issuedCertificate(sys.api);
    await sys.log.integrate();
    const shown = await record(a.number);
    const key = await vkey();
    const otherEntry = { ...shown, log: { ...shown.log, entry: shown.log.entry.replace('"valid"', '"suspended"') } };
    expect(await checkRecordInLog(otherEntry, key)).toMatchObject({ kind: 'failed', code: 'NOT_INCLUDED' });
    const lines = shown.log.proof.split('\n');
    const firstHash = lines.findIndex((l: string) => /^[A-Za-z0-9+/]{43}=$/.test(l));
    lines[firstHash] = Buffer.alloc(32, 7).toString('base64');
    const badProof = { ...shown, log: { ...shown.log, proof: lines.join('\n') } };
    expect(await checkRecordInLog(badProof, key)).toMatchObject({ kind: 'failed', code: 'NOT_INCLUDED' });
    const recordChanged = { ...shown, status: 'valid', level: 'five' };
    expect(await checkRecordInLog(recordChanged, key)).toMatchObject({
      kind: 'failed',
      code: 'UNEXPLAINED_RECORD',
      fields: ['level'],
    });
  });

  it('answers inclusion and consistency proofs that verify against signed checkpoints', async () => {
    await issuedCertificate(sys.api);
    await sys.log.integrate();
    const older = (await sys.api.get('/v1/log/inclusion-proof?index=0')).body.tree;
    await issuedCertificate(sys.api);
    await issuedCertificate(sys.api);
    await sys.log.integrate();

    const inclusion = await sys.api.get('/v1/log/inclusion-proof?index=1');
    expect(inclusion.status).toBe(200);
    const tree = await signedTree(inclusion.body.tree.checkpoint);
    expect(tree.size).toBe(inclusion.body.tree.size);
    const leaf = leafHash(utf8.encode(inclusion.body.entry));
    expect(verifyInclusion(1, tree.size, leaf, hashes(inclusion.body.proof), tree.root)).toBe(true);

    const old = await signedTree(older.checkpoint);
    const consistency = await sys.api.get(`/v1/log/consistency-proof?from=${old.size}`);
    expect(consistency.status).toBe(200);
    expect(consistency.body).toMatchObject({ from: old.size, to: tree.size });
    expect(verifyConsistency(old.size, tree.size, hashes(consistency.body.proof), old.root, tree.root)).toBe(true);

    // Against an older tree size: the proof verifies against the root that checkpoint signed.
    const past = await sys.api.get(`/v1/log/inclusion-proof?index=0&size=${old.size}`);
    expect(past.body.tree).toEqual({ size: old.size });
    expect(
      verifyInclusion(0, old.size, leafHash(utf8.encode(past.body.entry)), hashes(past.body.proof), old.root),
    ).toBe(true);
  });

  it('refuses an index or tree size the log does not have yet', async () => {
    await issuedCertificate(sys.api);
    await sys.log.integrate();
    const size = (await sys.api.get('/v1/log/inclusion-proof?index=0')).body.tree.size as number;
    await issuedCertificate(sys.api);
    for (const url of [
      `/v1/log/inclusion-proof?index=${size}`,
      `/v1/log/inclusion-proof?index=0&size=${size + 1}`,
      `/v1/log/consistency-proof?from=${size + 1}`,
      `/v1/log/consistency-proof?from=2&to=1`,
    ]) {
      const res = await sys.api.get(url);
      expect([url, res.status, res.body.code]).toEqual([url, 404, 'LOG_TREE_SIZE']);
    }
  });
});
