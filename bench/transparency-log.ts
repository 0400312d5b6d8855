/**
 * The transparency log at scale, measured on the pure core (the same code the integrator, the monitor and the page
 * run), with tiles kept in memory: writes per event at two log sizes, time to integrate 100,000 entries, the size of
 * an inclusion proof at 1,000,000 entries and its verification time, and the monitor's replay rate.
 */
import type { Certificate } from '../shared/model';
import type { Write } from '../shared/store/port';
import {
  certificateFacts,
  encodeLogEntry,
  formatLogProof,
  inclusionProof,
  integrate,
  leafHash,
  publicEventFor,
  replayEntry,
  tileNodeReader,
  treeHash,
  verifyInclusion,
  withLogEntries,
} from '../shared/transparency-log';
import { type BenchRow, count, ms, verdict } from './table';

function sampleCertificate(i: number): Certificate {
  return {
    number: `SM-SV-2026-${String(i).padStart(6, '0')}`,
    organization: { name: `测试售后服务有限公司${i}`, creditCode: '91350100M000100Y43' },
    scope: '家用电器的销售与售后服务',
    level: 'four',
    score: 91,
    status: 'valid',
    cycle: 1,
    validFrom: '2026-01-10',
    validUntil: '2029-01-09',
    issuedAt: '2026-01-10T02:00:00.000Z',
    applicationId: 'A',
    applicantSub: 'a',
    lastSurveillance: null,
    nextSurveillanceDue: '2027-01-10',
    surveillancePostponedUntil: null,
    suspendedOn: null,
    clearedOn: null,
    surveillances: [],
    statusHistory: [{ date: '2026-01-10', status: 'valid', reasonCategory: 'issued', level: 'four' }],
    version: 1,
    eventSeq: 1,
    lastEventHash: '0',
  };
}

const entryOf = (i: number) => {
  const facts = certificateFacts(sampleCertificate(i));
  return encodeLogEntry({
    v: 1,
    type: 'starmark/certificate-event',
    event: publicEventFor(null, facts),
    at: '2026-01-10T02:00:00.000Z',
    prev: null,
    certificate: facts,
  });
};

export async function transparencyLogRows(options: { integrateCount: number; proofSize: number }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const write: Write = { kind: 'certificate', value: sampleCertificate(1), expectedVersion: 1 };
  const extra = (size: number) => withLogEntries([write], size, new Map(), () => '2026-01-10T02:00:00.000Z').length - 1;
  rows.push({
    area: 'transparency log',
    measure: 'items a public event adds to its transaction, log of 0 / 1,000,000 entries',
    figure: `${extra(0)} / ${extra(1_000_000)}`,
    goal: 'constant',
    verdict: verdict(extra(0) === extra(1_000_000)),
    note: 'the entry and the index counter; integration is asynchronous',
  });

  const entries = Array.from({ length: options.integrateCount }, (_, i) => entryOf(i));
  const tiles = new Map<string, Uint8Array>();
  const fetchTile = async (p: string) => tiles.get(p);
  let t = performance.now();
  for (let size = 0; size < entries.length; size += 16_384) {
    const out = await integrate(size, entries.slice(size, size + 16_384), fetchTile);
    for (const f of out.files) tiles.set(f.path, f.data);
  }
  const integrateMs = performance.now() - t;
  rows.push({
    area: 'transparency log',
    measure: `integrate ${count(options.integrateCount)} entries (tiles, bundles, root)`,
    figure: `${(integrateMs / 1000).toFixed(1)} s`,
    note: `${count(Math.round(options.integrateCount / (integrateMs / 1000)))} entries/s, batches of 16,384`,
  });

  t = performance.now();
  const state = new Map();
  for (const [i, e] of entries.entries()) {
    leafHash(e);
    replayEntry(state, i, e);
  }
  const replayMs = performance.now() - t;
  rows.push({
    area: 'transparency log',
    measure: 'monitor catch-up (hash and replay, network excluded)',
    figure: `${count(Math.round(options.integrateCount / (replayMs / 1000)))} entries/s`,
  });

  // The proof at 1M: leaves only (entries do not matter to the proof's size or cost).
  const big = new Map<string, Uint8Array>();
  const leaves = Array.from(
    { length: options.proofSize },
    (_, i) => new Uint8Array([i & 255, (i >> 8) & 255, i >> 16]),
  );
  for (let size = 0; size < leaves.length; size += 65_536) {
    const out = await integrate(size, leaves.slice(size, size + 65_536), async (p) => big.get(p));
    for (const f of out.files) big.set(f.path, f.data);
  }
  const read = tileNodeReader(options.proofSize, async (p) => big.get(p));
  const index = Math.floor(options.proofSize * 0.7);
  const proof = await inclusionProof(read, index, options.proofSize);
  const root = await treeHash(read, options.proofSize);
  const leaf = leafHash(leaves[index]!);
  const text = formatLogProof({ index, proof, checkpoint: 'x' });
  const rounds = 2000;
  t = performance.now();
  let ok = true;
  for (let i = 0; i < rounds; i++) ok &&= verifyInclusion(index, options.proofSize, leaf, proof, root);
  const verifyMs = (performance.now() - t) / rounds;
  rows.push({
    area: 'transparency log',
    measure: `inclusion proof at ${count(options.proofSize)} entries`,
    figure: `${proof.length} hashes, ${count(text.length)} B as tlog-proof`,
  });
  rows.push({
    area: 'transparency log',
    measure: `verify an inclusion proof at ${count(options.proofSize)} entries (Node, the page's code)`,
    figure: ms(verifyMs),
    goal: '< 5 ms in the page',
    verdict: verdict(ok && verifyMs < 5),
    note: 'checkpoint signature (Web Crypto Ed25519) not included; not yet measured in Chromium',
  });
  return rows;
}
