/**
 * Search at registry scale. `seedSearchCorpus` writes N certificates straight through the store port — certificate,
 * its issue event and its term items, produced by the same pure functions that issuing uses — in transactions of up
 * to 100 writes, several at a time: seconds per thousand, not one HTTP walk each. `runSearchBench` then measures
 * name-search latency (a middle part of the name, over HTTP) against the number lookup, which is one GetItem.
 */

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { advance, NEW_AGGREGATE } from '../functions/service/aggregate';
import { certificateCounter } from '../functions/service/issue';
import { MAX_TRANSACTION_ITEMS, toTransactItem, transactItemsOf } from '../functions/store/writes';
import { loggedWrites } from '../functions/transparency-log/logged-store';
import { chinaDate } from '../shared/calendar';
import { formatCertificateNumber } from '../shared/certificate-number';
import { generateCreditCode } from '../shared/credit-code';
import { issueCertificate } from '../shared/lifecycle/certificate';
import type { Application, Certificate, CertificateStatus } from '../shared/model';
import { SYSTEM_SWEEP } from '../shared/model';
import type { StarLevel } from '../shared/scheme';
import { termWrites } from '../shared/search/terms';
import { eventStreamOf } from '../shared/store/keys';
import type { RegistryStore, Write } from '../shared/store/port';
import { batchPut } from './seed';

const CITIES = [
  '华东',
  '华南',
  '北京',
  '上海',
  '深圳',
  '杭州',
  '苏州',
  '厦门',
  '成都',
  '武汉',
  '南京',
  '青岛',
  '天津',
  '重庆',
  '西安',
  '长沙',
];
const TRADE = [
  ...'瑞丰泰华宏信达源通恒兴隆昌盛鑫佳美嘉诚德安康宁和祥永新汇金鼎天元博远航晟科创智联海星光明辉凯乐优品益盈润福旺顺',
];
const TRADES = ['家电', '电器', '家居', '汽车', '电子', '厨具', '卫浴', '照明', '通讯', '数码', '家具', '空调'];
const LEVELS: StarLevel[] = ['five', 'four', 'three', 'compliant'];

export interface SeededOrganization {
  number: string;
  name: string;
  nameEn?: string;
  creditCode: string;
  /** A part from the middle of the name that a person might type: the trade name and the first industry character. */
  middle: string;
  status: CertificateStatus;
  level: StarLevel;
}

/** A distinct trade name per index: 3 characters of the pool, 166 375 of them. */
function tradeName(i: number): string {
  const n = TRADE.length;
  return [Math.floor(i / (n * n)) % n, Math.floor(i / n) % n, i % n].map((d) => TRADE[d]).join('');
}

function latinWord(i: number): string {
  let word = '';
  for (let n = i + 26 * 27; n > 0; n = Math.floor(n / 26)) word = String.fromCharCode(97 + (n % 26)) + word;
  return word;
}

export function corpusOrganization(i: number, prefix = 'SM', year = 2026): SeededOrganization {
  const industry = TRADES[i % TRADES.length]!;
  const name = `${CITIES[i % CITIES.length]}${tradeName(i)}${industry}${i % 5 === 0 ? '股份' : ''}有限公司`;
  const nameEn = i % 4 === 0 ? `${latinWord(i)} Service Co., Ltd.` : undefined;
  // A few in every other state, so that filters have something to filter.
  const status: CertificateStatus = i % 10 === 7 ? 'suspended' : i % 50 === 9 ? 'withdrawn' : 'valid';
  return {
    number: formatCertificateNumber(prefix, year, i + 1),
    name,
    ...(nameEn ? { nameEn } : {}),
    creditCode: generateCreditCode(i),
    middle: `${tradeName(i)}${industry[0]}`,
    status,
    level: LEVELS[i % 4]!,
  };
}

async function certificateWrites(org: SeededOrganization, i: number, now: Date): Promise<Write[]> {
  const application = {
    id: `01SEED${String(i).padStart(20, '0')}`,
    state: 'approved',
    organization: { name: org.name, ...(org.nameEn ? { nameEn: org.nameEn } : {}), creditCode: org.creditCode },
    scope: '商品的销售与售后服务',
    applicantSub: `applicant-seed-${i}`,
    score: { total: 90, level: org.level, passed: true },
  } as Application;
  const decided = issueCertificate(application, org.number, now);
  const next = { ...decided.next, status: org.status };
  const { value, event } = await advance<Certificate>(
    eventStreamOf('certificate', org.number),
    NEW_AGGREGATE,
    next,
    decided.event,
    SYSTEM_SWEEP,
    now,
  );
  return [
    { kind: 'certificate', value, expectedVersion: null },
    { kind: 'event', value: event },
    ...termWrites(null, value),
  ];
}

/** Seeds certificates `from`..`from+count-1` of the corpus; returns them in order. */
export async function seedSearchCorpus(
  store: RegistryStore,
  count: number,
  options: { from?: number; prefix?: string; now?: Date; parallel?: number } = {},
): Promise<SeededOrganization[]> {
  const from = options.from ?? 0;
  const now = options.now ?? new Date('2026-06-01T02:00:00Z');
  const year = Number(chinaDate(now).slice(0, 4));
  const orgs = Array.from({ length: count }, (_, k) => corpusOrganization(from + k, options.prefix, year));
  const batches: Write[][] = [];
  let batch: Write[] = [];
  let items = 0;
  for (let k = 0; k < orgs.length; k++) {
    const writes = await certificateWrites(orgs[k]!, from + k, now);
    // What the store makes of this certificate alone, less the log counter's move, which a transaction has once.
    const size = itemsWhenCommitted(writes, now) - 1;
    if (items + size + 1 > MAX_TRANSACTION_ITEMS) {
      batches.push(batch);
      batch = [];
      items = 0;
    }
    batch.push(...writes);
    items += size;
  }
  if (batch.length) batches.push(batch);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await store.commit({ writes: batches[next++]! });
  };
  await Promise.all(Array.from({ length: options.parallel ?? 8 }, worker));
  await moveCounterPast(store, year, from + count);
  return orgs;
}

/** The items a commit of these writes becomes through the logged store: its log entries, then the store's own. */
function itemsWhenCommitted(writes: readonly Write[], now: Date): number {
  return transactItemsOf(
    loggedWrites(writes, 0, new Map(), () => now.toISOString(), now),
    'size',
  ).length;
}

/** The number counter moves past the seeded serials, so that issuing afterwards takes the next free number. */
async function moveCounterPast(store: RegistryStore, year: number, serials: number): Promise<void> {
  const counter = certificateCounter(year);
  const current = await store.readCounter(counter);
  if (current < serials)
    await store.commit({ writes: [{ kind: 'counter', name: counter, expected: current, next: serials }] });
}

/**
 * The same corpus as `seedSearchCorpus`, for sizes a transaction per 100 writes cannot reach in a bench's budget:
 * the very same writes (certificate, issue event, term items from termWrites) turned into items by the store's own
 * mapping (toTransactItem), then put with BatchWriteItem, 25 per request, many requests in flight (bench/seed.ts).
 * A new certificate's writes are all unconditional-in-effect Puts of fresh keys, so nothing is lost by leaving the
 * transaction out; only the counter (an Update) still goes through the store port. Items are built and written a
 * chunk of certificates at a time (the next built while one is written) so that 100 000 certificates' ~2 million items never sit in memory at once.
 */
export async function seedSearchCorpusBatch(
  target: { store: RegistryStore; db: DynamoDBDocumentClient; table: string },
  count: number,
  options: { from?: number; prefix?: string; now?: Date; parallel?: number; chunk?: number } = {},
): Promise<SeededOrganization[]> {
  const from = options.from ?? 0;
  const now = options.now ?? new Date('2026-06-01T02:00:00Z');
  const year = Number(chinaDate(now).slice(0, 4));
  const chunk = options.chunk ?? 2_000;
  const orgs = Array.from({ length: count }, (_, k) => corpusOrganization(from + k, options.prefix, year));
  // One chunk is written while the next is built.
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < orgs.length; start += chunk) {
    const items: Record<string, unknown>[] = [];
    for (let k = start; k < Math.min(orgs.length, start + chunk); k++) {
      for (const write of await certificateWrites(orgs[k]!, from + k, now)) {
        const put = toTransactItem(write, target.table).Put;
        if (!put?.Item) throw new Error(`a new certificate's ${write.kind} write is not a Put`);
        items.push(put.Item);
      }
    }
    await writing;
    writing = batchPut(target.db, target.table, items, options.parallel ?? 32);
  }
  await writing;
  await moveCounterPast(target.store, year, from + count);
  return orgs;
}

export interface SearchBenchResult {
  certificates: number;
  samples: number;
  nameSearch: { p50: number; p99: number };
  numberLookup: { p50: number; p99: number };
  /** Sampled organizations whose name search did not list them on the first page: the seeding is wrong if not 0. */
  misses: number;
}

function percentiles(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(2));
  return { p50: at(0.5), p99: at(0.99) };
}

async function timed(url: string): Promise<{ ms: number; body: ArrayBuffer }> {
  const started = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return { ms, body };
}

/** Whether a search answer lists the certificate (checked after the clock stopped). */
function lists(body: ArrayBuffer, number: string): boolean {
  const page = JSON.parse(new TextDecoder().decode(body)) as { items?: { number?: string }[] };
  return (page.items ?? []).some((h) => h.number === number);
}

/** Seeds `certificates` (unless `seeded` says they are there) and times `samples` searches and lookups over HTTP. */
export async function runSearchBench(
  system: { url: string; store: RegistryStore },
  options: { certificates?: number; samples?: number; seeded?: boolean } = {},
): Promise<SearchBenchResult> {
  const certificates = options.certificates ?? 10_000;
  const samples = options.samples ?? 500;
  const orgs = options.seeded
    ? Array.from({ length: certificates }, (_, i) => corpusOrganization(i))
    : await seedSearchCorpus(system.store, certificates);
  const picks = Array.from({ length: samples }, (_, k) => orgs[(k * 7919) % orgs.length]!);
  const search: number[] = [];
  const lookup: number[] = [];
  let misses = 0;
  for (const org of picks) {
    const found = await timed(`${system.url}/v1/certificates?q=${encodeURIComponent(org.middle)}`);
    search.push(found.ms);
    if (!lists(found.body, org.number)) misses++;
    lookup.push((await timed(`${system.url}/v1/certificates/${org.number}`)).ms);
  }
  return { certificates, samples, nameSearch: percentiles(search), numberLookup: percentiles(lookup), misses };
}
