/**
 * The bulk check by name at scale: p99 of one POST /v1/verifications with 100 organization names (each answered
 * with its candidates through the name index) against p99 of one with 100 certificate numbers, on the same seeded
 * corpus in the same run. Each name check must list its own certificate among the candidates (checked after the
 * clock stopped); a miss means the matching (or the seeding) is wrong, and is a figure of its own.
 */
import type { SeededOrganization } from './search';
import { type BenchRow, count, ms, ratio, verdict } from './table';

const PER_CHECK = 100;

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] ?? 0;
}

interface CheckAnswer {
  items: { query: string; candidates?: { number: string }[] }[];
}

async function check(url: string, queries: string[]): Promise<{ ms: number; answer: CheckAnswer }> {
  const started = performance.now();
  const res = await fetch(`${url}/v1/verifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ queries }),
  });
  const text = await res.text();
  const took = performance.now() - started;
  if (res.status !== 200) throw new Error(`bulk check: ${res.status} ${text.slice(0, 200)}`);
  return { ms: took, answer: JSON.parse(text) as CheckAnswer };
}

export async function bulkNameRows(
  url: string,
  orgs: readonly SeededOrganization[],
  options: { checks: number },
): Promise<BenchRow[]> {
  const names: number[] = [];
  const numbers: number[] = [];
  let misses = 0;
  for (let k = 0; k < options.checks; k++) {
    const picks = Array.from({ length: PER_CHECK }, (_, j) => orgs[((k * PER_CHECK + j) * 7919) % orgs.length]!);
    const byName = await check(
      url,
      picks.map((o) => o.name),
    );
    names.push(byName.ms);
    byName.answer.items.forEach((item, j) => {
      if (!item.candidates?.some((c) => c.number === picks[j]?.number)) misses++;
    });
    numbers.push(
      (
        await check(
          url,
          picks.map((o) => o.number),
        )
      ).ms,
    );
  }
  const size = count(orgs.length);
  return [
    {
      area: 'search',
      measure: `bulk check of ${PER_CHECK} names p99 ÷ of ${PER_CHECK} numbers p99 at ${size} certificates`,
      figure: ratio(p99(names) / p99(numbers)),
      verdict: 'info',
      note: `names p99 ${ms(p99(names))}, numbers p99 ${ms(p99(numbers))}; ${options.checks} sequential checks each`,
    },
    {
      area: 'search',
      measure: `names in bulk checks not answered with their certificate at ${size} certificates`,
      figure: `${count(misses)} of ${count(options.checks * PER_CHECK)}`,
      goal: '0',
      verdict: verdict(misses === 0),
      note: 'each full name must list its seeded certificate among its candidates',
    },
  ];
}
