/**
 * The signed status snapshot's size at scale: 100,000 certificates of which 2% are not plainly valid, as a phone
 * downloads it from GET /v1/status-snapshot — the real builder reading the status-list partition, the real status
 * key signing it, the real gateway serving it. Plainly valid certificates have no status-list entry by design (the
 * snapshot never reads them), so only the 2,000 listed ones are seeded, through the store's own item mapping
 * (statusListItem), at serials spread at random over all 100,000 numbers of three yearly series.
 */
import { gzipSync } from 'node:zlib';
import { LOCAL_AWS } from '../functions/local/dynamodb-local';
import { type LocalSystem, startLocalSystem } from '../functions/local/system';
import { documentClient } from '../functions/store/dynamo-client';
import { statusListItem } from '../functions/store/writes';
import { formatCertificateNumber } from '../shared/certificate-number';
import type { Certificate } from '../shared/model';
import type { StarLevel } from '../shared/scheme/indicators';
import type { ListedStatus } from '../shared/status-snapshot';
import { batchPut, seededCertificate } from './seed';
import { type BenchRow, count, kb, verdict } from './table';

export const SNAPSHOT_GOAL_GZIP = 20 * 1024;
const YEARS = [2024, 2025, 2026] as const;

/** How the not-plainly-valid certificates divide: mostly suspensions, then ends of certification, then levels. */
const MIX: readonly { status: ListedStatus; share: number; level?: StarLevel }[] = [
  { status: 'suspended', share: 0.5 },
  { status: 'withdrawn', share: 0.25 },
  { status: 'cancelled', share: 0.15 },
  { status: 'valid', share: 0.1, level: 'three' },
];

/** The mix's kind at a point of [0, 1): the shares laid end to end. */
function kindAt(at: number): (typeof MIX)[number] {
  let end = 0;
  for (const m of MIX) {
    end += m.share;
    if (at < end) return m;
  }
  return MIX[MIX.length - 1]!;
}

/** A small, seeded generator (mulberry32): the same corpus every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface StatusCorpus {
  /** The certificates listed (not plainly valid), as the registry holds them. */
  listed: Certificate[];
  total: number;
}

/** `total` certificates over three yearly series; `share` of them, picked at random, not plainly valid. */
export function statusCorpus(total: number, share: number, prefix = 'SM'): StatusCorpus {
  const next = random(27922);
  const perYear = Math.ceil(total / YEARS.length);
  const wanted = Math.round(total * share);
  const picked = new Set<number>();
  while (picked.size < wanted) picked.add(Math.floor(next() * total));
  const now = new Date('2026-11-23T02:00:00Z');
  const listed = [...picked].map((i, n) => {
    const year = YEARS[Math.floor(i / perYear)]!;
    const serial = (i % perYear) + 1;
    const base = seededCertificate(serial, now, 5, prefix);
    const kind = kindAt((n + 0.5) / wanted);
    const c: Certificate = { ...base, number: formatCertificateNumber(prefix, year, serial) };
    if (kind.status !== 'valid') return { ...c, status: kind.status };
    const changed = {
      date: c.validFrom,
      status: 'valid',
      reasonCategory: 'level_changed',
      level: kind.level!,
    } as const;
    return { ...c, level: kind.level!, statusHistory: [...c.statusHistory, changed] };
  });
  return { listed, total };
}

/** Writes the corpus's status-list entries exactly as the store writes them beside each certificate. */
export async function seedStatusList(system: LocalSystem, corpus: StatusCorpus, table = 'starmark'): Promise<void> {
  const db = documentClient({ endpoint: system.dynamo.endpoint, ...LOCAL_AWS });
  const items = corpus.listed.map((c) => {
    const put = statusListItem({ kind: 'certificate', value: c, expectedVersion: 1 }, table)?.Put?.Item;
    if (!put) throw new Error(`${c.number} is plainly valid: it has no status-list entry`);
    return put;
  });
  await batchPut(db, table, items);
}

export interface SnapshotSize {
  jws: string;
  raw: number;
  gzip: number;
  payloadGzip: number;
}

/** The snapshot as the gateway serves it, and its sizes: raw, and gzip level 9 as a CDN would send it. */
export async function servedSnapshot(system: LocalSystem): Promise<SnapshotSize> {
  const res = await fetch(`${system.url}/v1/status-snapshot`);
  if (res.status !== 200) throw new Error(`GET /v1/status-snapshot: ${res.status} ${await res.text()}`);
  const body = Buffer.from(await res.arrayBuffer());
  const payload = Buffer.from(body.toString('utf8').split('.')[1] ?? '', 'base64url');
  return {
    jws: body.toString('utf8'),
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    payloadGzip: gzipSync(payload, { level: 9 }).length,
  };
}

export async function statusSnapshotRows(options: { certificates: number; share: number }): Promise<BenchRow[]> {
  const system = await startLocalSystem({ port: 0, anonymousRatePerSecond: null, logIntegrationEveryMs: false });
  try {
    const corpus = statusCorpus(options.certificates, options.share);
    await seedStatusList(system, corpus);
    const size = await servedSnapshot(system);
    const mix = MIX.map((m) => `${Math.round(m.share * 100)}% ${m.level ? 'level changed' : m.status}`).join(', ');
    return [
      {
        area: 'status snapshot',
        measure: `signed snapshot at ${count(options.certificates)} certificates, ${options.share * 100}% not plainly valid: raw / gzip`,
        figure: `${kb(size.raw)} / ${kb(size.gzip)}`,
        goal: `≤ ${kb(SNAPSHOT_GOAL_GZIP)} gzip`,
        verdict: verdict(size.gzip <= SNAPSHOT_GOAL_GZIP),
        note: `${count(corpus.listed.length)} entries (${mix}) over 3 yearly series, as GET /v1/status-snapshot serves it (JWS, base64url); its JSON payload alone ${kb(size.payloadGzip)} gzip`,
      },
    ];
  } finally {
    await system.stop();
  }
}
