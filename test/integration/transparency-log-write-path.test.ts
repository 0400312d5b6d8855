import { describe, expect, it } from 'vitest';
import { type IntegrationStep, integrateLog, readLogHead } from '../../functions/transparency-log/integrator';
import { CHECKPOINT_PATH, VERIFIER_KEY_PATH } from '../../functions/transparency-log/objects';
import { keys, LOG_INDEX_COUNTER } from '../../shared/store/keys';
import {
  decodeEntryBundle,
  decodeLogEntry,
  entryBundlePath,
  leafHash,
  openCheckpoint,
  parseVerifierKey,
  toBase64,
  treeHash,
  utf8,
} from '../../shared/transparency-log';
import { useTestSystem } from '../support/local-system';
import { memoryTree } from '../support/merkle-memory';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ logIntegrationEveryMs: false });
const admin = 'admin-qian';

async function entryAt(index: number) {
  const { pk, sk } = keys.logEntry(index);
  const item = await sys.deps.store.getItem(pk, sk);
  return item ? decodeLogEntry(utf8.encode(String(item.entry))) : undefined;
}

const integrator = (after?: (s: IntegrationStep) => Promise<void>, holder?: string) =>
  integrateLog({
    store: sys.deps.store,
    objects: sys.log.objects,
    ...sys.log.key,
    clock: sys.deps.clock,
    after,
    holder,
  });

/** The root of the first `size` entries as stored in the table, computed in memory. */
async function expectedRoot(size: number) {
  const leaves = [];
  for (let i = 0; i < size; i++) {
    const { pk, sk } = keys.logEntry(i);
    leaves.push(leafHash(utf8.encode(String((await sys.deps.store.getItem(pk, sk))?.entry))));
  }
  return toBase64(await treeHash(memoryTree(leaves), size));
}

async function publishedCheckpoint() {
  const note = utf8.decode((await sys.log.objects.get(CHECKPOINT_PATH))!);
  const vkey = parseVerifierKey(utf8.decode((await sys.log.objects.get(VERIFIER_KEY_PATH))!))!;
  const opened = await openCheckpoint(note, vkey, sys.log.key.signer.name);
  if (!opened.ok) throw new Error(opened.code);
  return opened.checkpoint;
}

describe('the log write path', () => {
  it('assigns each public event the next index in the transaction of the change, chained per certificate', async () => {
    const before = await sys.deps.store.readCounter(LOG_INDEX_COUNTER);
    const c = await issuedCertificate(sys.api);
    expect((await sys.deps.store.getCertificate(c.number))?.log?.index).toBe(before);
    const suspended = await sys.api.post(`/v1/staff/certificates/${c.number}/suspend`, { reason: '投诉' }, admin);
    expect(suspended.status).toBe(200);
    expect((await sys.deps.store.getCertificate(c.number))?.log?.index).toBe(before + 1);
    expect(await sys.deps.store.readCounter(LOG_INDEX_COUNTER)).toBe(before + 2);
    const issued = await entryAt(before);
    const second = await entryAt(before + 1);
    expect(issued).toMatchObject({ event: 'issued', prev: null, certificate: { number: c.number, status: 'valid' } });
    expect(second).toMatchObject({ event: 'suspended', prev: before, certificate: { status: 'suspended' } });
    // The entry's time is the audit event's.
    const events = await sys.deps.store.listEvents(`certificate/${c.number}`);
    expect(second?.at).toBe(events[events.length - 1]?.at);
  });

  it('writes no entry, and moves no counter, when a change is refused', async () => {
    const c = await issuedCertificate(sys.api);
    const before = await sys.deps.store.readCounter(LOG_INDEX_COUNTER);
    const refused = await sys.api.post(`/v1/staff/certificates/${c.number}/reinstate`, { reason: 'x' }, admin);
    expect(refused.status).toBe(409);
    expect(await sys.deps.store.readCounter(LOG_INDEX_COUNTER)).toBe(before);
    expect(await entryAt(before)).toBeUndefined();
  });

  it('integrates the entries into tiles and a checkpoint signed by the published key', async () => {
    const result = await integrator();
    const assigned = await sys.deps.store.readCounter(LOG_INDEX_COUNTER);
    expect(result).toMatchObject({ busy: false, size: assigned });
    const checkpoint = await publishedCheckpoint();
    expect(checkpoint.size).toBe(assigned);
    expect(toBase64(checkpoint.root)).toBe(await expectedRoot(assigned));
    // Served at /log/ as static files: the checkpoint briefly cacheable, tiles immutable.
    const served = await fetch(`${sys.url}/log/checkpoint`);
    expect(served.headers.get('cache-control')).toMatch(/max-age=2\b/);
    expect(await served.text()).toBe(utf8.decode((await sys.log.objects.get(CHECKPOINT_PATH))!));
    const tile = await fetch(`${sys.url}/log/tile/0/000.p/${assigned}`);
    expect(tile.headers.get('cache-control')).toContain('immutable');
    expect((await tile.arrayBuffer()).byteLength).toBe(32 * assigned);
    const bundle = decodeEntryBundle((await sys.log.objects.get(entryBundlePath(0, assigned)))!);
    expect(bundle?.map((e) => decodeLogEntry(e)?.certificate.number)).toHaveLength(assigned);
  });
});

describe('a crash at any step of integration', () => {
  for (const crashAt of ['leased', 'read', 'tiles', 'signed', 'committed'] as const) {
    it(`after "${crashAt}" leaves a log the next run completes`, async () => {
      await issuedCertificate(sys.api);
      const assigned = await sys.deps.store.readCounter(LOG_INDEX_COUNTER);
      const crash = async (s: IntegrationStep) => {
        if (s === crashAt) throw new Error(`crash after ${s}`);
      };
      await expect(integrator(crash)).rejects.toThrow('crash');
      // The lease of the crashed run is released by its finally; a process killed outright leaves it to expire.
      const resumed = await integrator();
      expect(resumed).toMatchObject({ busy: false, size: assigned });
      const head = await readLogHead(sys.deps.store);
      expect(head?.size).toBe(assigned);
      expect(head?.root).toBe(await expectedRoot(assigned));
      expect((await publishedCheckpoint()).size).toBe(assigned);
    });
  }

  it('is finished by another integrator once the lease of a writer that died expires', async () => {
    await issuedCertificate(sys.api);
    const assigned = await sys.deps.store.readCounter(LOG_INDEX_COUNTER);
    const died = integrateLog({
      store: sys.deps.store,
      objects: sys.log.objects,
      ...sys.log.key,
      clock: sys.deps.clock,
      leaseMs: 300,
      after: (s) => (s === 'tiles' ? new Promise(() => undefined) : Promise.resolve()),
    });
    void died;
    await new Promise((r) => setTimeout(r, 150));
    expect(await integrator()).toEqual({ busy: true });
    await new Promise((r) => setTimeout(r, 400));
    expect(await integrator()).toMatchObject({ busy: false, size: assigned });
  });
});

describe('parallel integrators', () => {
  it('never move the head backwards or sign two trees of one size, while entries keep coming', async () => {
    const heads: { size: number; root: string }[] = [];
    const record = async (s: IntegrationStep) => {
      if (s === 'committed') {
        const h = await readLogHead(sys.deps.store);
        if (h) heads.push({ size: h.size, root: h.root });
      }
    };
    const writers = Array.from({ length: 3 }, () => issuedCertificate(sys.api));
    const runs: Promise<unknown>[] = [];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 4; i++) runs.push(integrator(record, `racer-${i}`));
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all([...writers, ...runs]);
    expect(await integrator()).toMatchObject({ busy: false });
    const assigned = await sys.deps.store.readCounter(LOG_INDEX_COUNTER);
    const head = await readLogHead(sys.deps.store);
    expect(head?.size).toBe(assigned);
    expect(head?.root).toBe(await expectedRoot(assigned));
    for (const h of heads) expect(h.root, `size ${h.size}`).toBe(await expectedRoot(h.size));
  });
});
