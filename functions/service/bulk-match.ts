/**
 * A bulk check by number, credit code or name (POST /v1/verifications with `queries`): each query planned by the
 * core (planBulkQuery), then looked up the way the search looks it up — numbers in one batch read, each distinct
 * credit code one query of its index, each distinct name one page of the term index through searchCertificates
 * itself — and each candidate ranked by how well it matched. Nothing is written.
 */
import {
  type BulkCandidate,
  type BulkQueryAnswer,
  type BulkQueryCheck,
  candidateOf,
  hitOf,
  MAX_CANDIDATES,
  nameMatch,
  planBulkQuery,
  rankCandidates,
  summaryOf,
} from '../../shared/search';
import type { Deps } from './deps';
import { searchCertificates } from './search';

/** Lookups in flight at once: a list of 100 distinct names is a few rounds, not 100 reads at the same instant. */
const PARALLEL_LOOKUPS = 8;

async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_LOOKUPS, items.length) }, worker));
}

type Found = { candidates: BulkCandidate[]; more?: boolean };

export async function matchQueries(deps: Deps, queries: readonly string[]): Promise<BulkQueryAnswer> {
  const now = deps.clock();
  const plans = queries.map(planBulkQuery);
  const numbers = [...new Set(plans.flatMap((p) => (p.kind === 'number' ? [p.number] : [])))];
  const codes = [...new Set(plans.flatMap((p) => (p.kind === 'creditCode' ? [p.creditCode] : [])))];
  const names = new Map(plans.flatMap((p) => (p.kind === 'name' ? [[p.name, p.chars] as const] : [])));

  const byNumber = numbers.length ? await deps.store.getCertificates(numbers) : new Map();
  const byCode = new Map<string, Found>();
  const byName = new Map<string, Found>();
  const lookups = [...codes.map((c) => ({ code: c })), ...[...names.keys()].map((n) => ({ name: n }))];
  await eachLimited(lookups, async (lookup) => {
    if ('code' in lookup) {
      const found = await deps.store.findCertificatesByCreditCode(lookup.code);
      byCode.set(lookup.code, { candidates: found.map((c) => candidateOf(hitOf(summaryOf(c), now), 'creditCode')) });
      return;
    }
    const chars = names.get(lookup.name) ?? [];
    const page = await searchCertificates(deps, { q: lookup.name, limit: MAX_CANDIDATES });
    byName.set(lookup.name, {
      candidates: page.items.map((hit) => candidateOf(hit, nameMatch(chars, hit))),
      ...(page.cursor ? { more: true } : {}),
    });
  });

  const items = plans.map((plan, i): BulkQueryCheck => {
    const query = (queries[i] ?? '').trim();
    if (plan.kind === 'refused')
      return { query, kind: 'refused', candidates: [], problem: { code: plan.code, message: plan.message } };
    if (plan.kind === 'number') {
      const found = byNumber.get(plan.number);
      return {
        query,
        kind: 'number',
        candidates: found ? [candidateOf(hitOf(summaryOf(found), now), 'number')] : [],
      };
    }
    const found = plan.kind === 'creditCode' ? byCode.get(plan.creditCode) : byName.get(plan.name);
    return {
      query,
      kind: plan.kind,
      candidates: rankCandidates(found?.candidates ?? []),
      ...(found?.more ? { more: true } : {}),
    };
  });
  return { checkedAt: now.toISOString(), items };
}
