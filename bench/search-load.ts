/**
 * Name search under load (issue 21): 64 connections searching a common two-character term — 有限, in every company
 * name of the corpus — and, beside it, a term that names one organization, each against the bare GetItem loop at the
 * same concurrency in the same round (bench/baseline.ts). What a common term must not cost is more than a rare one:
 * a first page reads one page of the term's items, however many certificates share the term. Goal: p99 ≤ 2× the
 * bare GetItem's; each figure is the median of the rounds' own ratios.
 */
import { keys } from '../shared/store/keys';
import { getItemLoop, type LoadResult } from './baseline';
import { load } from './public-read';
import { type BenchRow, count, ms, ratio, verdict } from './table';

export const COMMON_TERM = '有限';
const GOAL = 2;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function searchLoadRows(
  system: { url: string; dynamoEndpoint: string; table: string },
  corpus: { size: number; rareTerm: string; someNumber: string },
  options: { connections: number; seconds: number; rounds: number },
): Promise<BenchRow[]> {
  const { connections, seconds } = options;
  const search = (q: string) => `${system.url}/v1/certificates?q=${encodeURIComponent(q)}`;
  const baseline = (s: number) =>
    getItemLoop({
      endpoint: system.dynamoEndpoint,
      table: system.table,
      key: keys.certificate(corpus.someNumber),
      connections,
      seconds: s,
    });
  const warm = Math.max(1, Math.round(seconds / 4));
  await baseline(warm);
  await load(search(COMMON_TERM), connections, warm);
  const runs = { base: [] as LoadResult[], common: [] as LoadResult[], rare: [] as LoadResult[] };
  for (let round = 0; round < options.rounds; round++) {
    runs.base.push(await baseline(seconds));
    runs.common.push(await load(search(COMMON_TERM), connections, seconds));
    runs.rare.push(await load(search(corpus.rareTerm), connections, seconds));
  }
  const against = (list: LoadResult[]) => median(list.map((r, i) => r.p99 / runs.base[i]!.p99));
  const row = (what: string, list: LoadResult[]): BenchRow => {
    const errors = list.reduce((n, r) => n + r.errors, 0);
    const r = against(list);
    return {
      area: 'search',
      measure: `name search, ${what}, ${connections} connections at ${count(corpus.size)} certificates: p99 ÷ GetItem p99`,
      figure: ratio(r),
      goal: `≤ ${GOAL}×`,
      verdict: errors ? 'missed' : verdict(r <= GOAL),
      note:
        `p50/p99 ${ms(median(list.map((x) => x.p50)))} / ${ms(median(list.map((x) => x.p99)))}, ` +
        `${count(Math.round(median(list.map((x) => x.throughput))))} req/s; GetItem p99 ` +
        `${ms(median(runs.base.map((x) => x.p99)))}; median of ${options.rounds} × ${seconds} s` +
        (errors ? `; ${errors} errors/non-2xx` : ''),
    };
  };
  return [row(`common term ${COMMON_TERM}`, runs.common), row('rare term (one organization)', runs.rare)];
}
