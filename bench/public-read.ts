/**
 * Public reads under load, through the local gateway: `GET /v1/certificates/{number}` and `POST /v1/verifications`
 * with a star-mark token, 64 connections each (autocannon), against the raw GetItem loop at the same concurrency in
 * the same process. The load generator, the gateway and the handlers share this process, as the baseline's loop
 * shares it with its SDK client: both sides pay the same for being measured.
 */
import autocannon from 'autocannon';
import { DEMO_USERS } from '../functions/local/dev-identity';
import { type LocalSystem, startLocalSystem } from '../functions/local/system';
import { chinaDate } from '../shared/calendar';
import { generateCreditCode } from '../shared/credit-code';
import { sheetWithTotal } from '../shared/scheme';
import { keys } from '../shared/store/keys';
import { getItemLoop, type LoadResult } from './baseline';
import { type BenchRow, count, ms, notMeasured, ratio, verdict } from './table';

const GOAL_RATIO = 1.5;
/** Throughput of a public read ÷ the bare GetItem loop's, at least; its p50 ÷ the loop's, at most (issue 21). */
const THROUGHPUT_GOAL = 0.9;
const P50_GOAL = 1.5;
/** A bulk check of 100 numbers ÷ a check of one, sequential p50, at most. */
const BULK_GOAL = 5;
const BULK_SIZE = 100;

/** One certificate issued over HTTP, the way staff issue one; returns its number and star-mark token (if signed). */
export async function issueOne(system: LocalSystem): Promise<{ number: string; token?: string }> {
  const as = async (sub: string) => `Bearer ${await system.identity.tokenFor(DEMO_USERS.find((u) => u.sub === sub)!)}`;
  const post = async (path: string, body: unknown, sub: string) => {
    const res = await fetch(system.url + path, {
      method: 'POST',
      headers: { authorization: await as(sub), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, any>;
  };
  const app = await post(
    '/v1/staff/applications',
    {
      organization: { name: '基准测试家电服务有限公司', creditCode: generateCreditCode(424242) },
      scope: '家用电器的售后服务',
      operatingSince: '2020-01-01',
    },
    'applicant-acme',
  );
  const step = (slug: string, body: unknown, sub: string) =>
    post(`/v1/staff/applications/${app.id}/${slug}`, body, sub);
  await step('accept', { evaluatorSub: 'evaluator-li', contractNo: 'HT-BENCH' }, 'admin-qian');
  await step('pass-document-review', {}, 'evaluator-li');
  await step(
    'record-on-site-review',
    // The day in China: after 16:00 UTC it is already tomorrow there, and acceptance was dated so.
    { reviewDate: chinaDate(new Date()), scoreSheet: sheetWithTotal(92) },
    'evaluator-li',
  );
  await step('approve', {}, 'committee-zhao');
  const issued = await step('issue', {}, 'admin-qian');
  return {
    number: issued.certificate.number,
    ...(issued.certificate.token ? { token: issued.certificate.token } : {}),
  };
}

export async function load(url: string, connections: number, seconds: number, post?: unknown): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    ...(post
      ? { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify(post) }
      : {}),
  });
  return {
    throughput: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The median of each figure over the rounds; the ratio is the median of each round's own ratio to its baseline. */
function summary(
  runs: LoadResult[],
  bases: LoadResult[],
): LoadResult & { against: number; throughputAgainst: number; p50Against: number } {
  return {
    throughput: median(runs.map((r) => r.throughput)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    against: median(runs.map((r, i) => r.p99 / bases[i]!.p99)),
    throughputAgainst: median(runs.map((r, i) => r.throughput / bases[i]!.throughput)),
    p50Against: median(runs.map((r, i) => r.p50 / bases[i]!.p50)),
  };
}

function rows(what: string, r: ReturnType<typeof summary>): BenchRow[] {
  return [
    {
      area: 'public read',
      measure: `${what}: throughput`,
      figure: `${count(Math.round(r.throughput))} req/s`,
      verdict: 'info',
      note: `${count(r.requests)} requests, ${r.errors} errors/non-2xx`,
    },
    {
      area: 'public read',
      measure: `${what}: p50 / p99 latency`,
      figure: `${ms(r.p50)} / ${ms(r.p99)}`,
      verdict: 'info',
    },
    {
      area: 'public read',
      measure: `${what}: throughput ÷ raw GetItem throughput`,
      figure: ratio(r.throughputAgainst),
      goal: `≥ ${THROUGHPUT_GOAL}×`,
      verdict: verdict(!r.errors && r.throughputAgainst >= THROUGHPUT_GOAL),
    },
    {
      area: 'public read',
      measure: `${what}: p50 ÷ raw GetItem p50`,
      figure: ratio(r.p50Against),
      goal: `≤ ${P50_GOAL}×`,
      verdict: verdict(!r.errors && r.p50Against <= P50_GOAL),
    },
    {
      area: 'public read',
      measure: `${what}: p99 ÷ raw GetItem p99`,
      figure: ratio(r.against),
      goal: `≤ ${GOAL_RATIO}×`,
      verdict: r.errors ? 'missed' : verdict(r.against <= GOAL_RATIO),
      ...(r.errors ? { note: 'errors under load' } : {}),
    },
  ];
}

/** Sequential p50 of `requests` POSTs of `body`, one at a time (what a tender platform's morning check waits). */
async function sequentialP50(url: string, body: unknown, requests: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const t = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`bulk check answered ${res.status}`);
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * A bulk check of BULK_SIZE numbers (one issued, the rest unknown: every one is read) against a check of the one,
 * alternating in rounds so that both see the same load.
 */
async function bulkRows(system: LocalSystem, number: string, rounds: number): Promise<BenchRow[]> {
  const url = `${system.url}/v1/verifications`;
  const many = [number, ...Array.from({ length: BULK_SIZE - 1 }, (_, i) => `SM-SV-2026-${String(800_000 + i)}`)];
  await sequentialP50(url, { numbers: many }, 20);
  const ones: number[] = [];
  const bulks: number[] = [];
  for (let round = 0; round < rounds; round++) {
    ones.push(await sequentialP50(url, { numbers: [number] }, 40));
    bulks.push(await sequentialP50(url, { numbers: many }, 40));
  }
  const r = median(bulks.map((b, i) => b / ones[i]!));
  return [
    {
      area: 'public read',
      measure: `bulk check of ${BULK_SIZE} numbers ÷ one number, sequential p50`,
      figure: ratio(r),
      goal: `≤ ${BULK_GOAL}×`,
      verdict: verdict(r <= BULK_GOAL),
      note: `${ms(median(bulks))} against ${ms(median(ones))}; median of ${rounds} rounds × 40 requests each`,
    },
  ];
}

/**
 * Rounds of baseline, GET and POST back to back: on a shared machine the load around us drifts, and a ratio taken
 * within one round compares like with like.
 */
export async function publicReadRows(options: {
  seconds: number;
  connections: number;
  rounds: number;
}): Promise<BenchRow[]> {
  // 64 connections from one address measure throughput, not the per-client limit.
  const system = await startLocalSystem({ port: 0, anonymousRatePerSecond: null });
  try {
    const { number, token } = await issueOne(system);
    const { connections, seconds } = options;
    const key = keys.certificate(number);
    const baseline = (s: number) =>
      getItemLoop({ endpoint: system.dynamo.endpoint, table: 'starmark', key, connections, seconds: s });
    const probe = token
      ? await fetch(`${system.url}/v1/verifications`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token }),
        })
      : undefined;
    const verifying = probe?.status === 200;
    // Warm-up first: the JIT, DynamoDB Local's caches and the socket pools reach their steady state.
    const warm = Math.max(1, Math.round(seconds / 4));
    await baseline(warm);
    await load(`${system.url}/v1/certificates/${number}`, connections, warm);
    if (verifying) await load(`${system.url}/v1/verifications`, connections, warm, { token });
    const bases: LoadResult[] = [];
    const gets: LoadResult[] = [];
    const posts: LoadResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      bases.push(await baseline(seconds));
      gets.push(await load(`${system.url}/v1/certificates/${number}`, connections, seconds));
      if (verifying) posts.push(await load(`${system.url}/v1/verifications`, connections, seconds, { token }));
    }
    const base = summary(bases, bases);
    const out: BenchRow[] = [
      {
        area: 'public read',
        measure: `raw DynamoDB Local GetItem, ${connections} at a time (baseline)`,
        figure: `${count(Math.round(base.throughput))} req/s, p50 ${ms(base.p50)}, p99 ${ms(base.p99)}`,
        verdict: 'info',
        note: `median of ${options.rounds} × ${seconds} s; ${count(base.requests)} requests, ${base.errors} errors`,
      },
      ...rows(`GET /v1/certificates/{number}, ${connections} connections`, summary(gets, bases)),
    ];
    if (verifying)
      out.push(...rows(`POST /v1/verifications {token}, ${connections} connections`, summary(posts, bases)));
    else
      out.push(
        notMeasured(
          'public read',
          'POST /v1/verifications with a token',
          token ? `answers ${probe?.status}` : 'no star-mark token on issued certificates',
        ),
      );
    out.push(...(await bulkRows(system, number, options.rounds)));
    return out;
  } finally {
    await system.stop();
  }
}
