/**
 * Certificate search: a number is one direct read, a credit code one query of its index, and a part of a name one
 * key-condition query of the term index (shared/search/terms.ts) — never a scan. A name page reads at most
 * MAX_ROUNDS × limit term items, however large the registry and however selective the filters: when the filters
 * leave a page short, the answer says so by carrying a cursor, and the client asks again.
 */
import { DomainError } from '../../shared/errors';
import type { Certificate } from '../../shared/model';
import {
  hitOf,
  isCanonicalItem,
  passesFilters,
  planSearch,
  type SearchFilters,
  type SearchHit,
  type SearchPage,
  type SearchQuery,
  summaryOf,
  termFromItem,
} from '../../shared/search';
import type { Deps } from './deps';

const MAX_ROUNDS = 4;

const badCursor = () =>
  new DomainError('VALIDATION_FAILED', 'not a cursor of this search', [
    { path: 'query.cursor', message: 'not a cursor of this search', code: 'INVALID_CURSOR' },
  ]);

/** The client's cursor names the query it belongs to, so a cursor of one search cannot steer another. */
function wrapCursor(query: string, storeCursor: string | undefined): string | undefined {
  return storeCursor === undefined
    ? undefined
    : Buffer.from(JSON.stringify({ q: query, c: storeCursor })).toString('base64url');
}

function unwrapCursor(query: string, cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { q?: unknown; c?: unknown };
    if (parsed.q === query && typeof parsed.c === 'string') return parsed.c;
  } catch {
    // the one error below
  }
  throw badCursor();
}

function hitsOf(certificates: Iterable<Certificate>, filters: SearchFilters, now: Date): SearchHit[] {
  return [...certificates]
    .map((c) => hitOf(summaryOf(c), now))
    .filter((h) => passesFilters(h, filters))
    .sort((a, b) => (a.number < b.number ? -1 : 1));
}

export async function searchCertificates(deps: Deps, query: SearchQuery): Promise<SearchPage> {
  const plan = planSearch(query.q);
  if (!plan)
    throw new DomainError('VALIDATION_FAILED', 'query too short', [
      { path: 'query.q', message: 'at least 2 letters or digits', code: 'QUERY_TOO_SHORT' },
    ]);
  const now = deps.clock();
  const filters: SearchFilters = { status: query.status, level: query.level };
  if (plan.kind === 'number') {
    const found = await deps.store.getCertificate(plan.number);
    return { matchedBy: 'number', items: hitsOf(found ? [found] : [], filters, now) };
  }
  if (plan.kind === 'creditCode') {
    return {
      matchedBy: 'creditCode',
      items: hitsOf(await deps.store.findCertificatesByCreditCode(plan.creditCode), filters, now),
    };
  }

  const folded = plan.chars.join('');
  let cursor = unwrapCursor(folded, query.cursor);
  const items: SearchHit[] = [];
  for (let round = 0; round < MAX_ROUNDS && items.length < query.limit; round++) {
    // Asking for exactly what the page still lacks: every item read is then consumed, so the cursor is exact.
    const page = await deps.store.queryItems(plan.partition, {
      skPrefix: plan.skPrefix,
      limit: query.limit - items.length,
      cursor,
    });
    for (const term of page.items.map(termFromItem)) {
      if (!term) continue;
      if (!isCanonicalItem(term, plan.chars)) continue;
      const hit = hitOf(term, now, term.formerName);
      if (passesFilters(hit, filters)) items.push(hit);
    }
    cursor = page.cursor;
    if (!cursor) break;
  }
  return { matchedBy: 'name', items, ...(cursor ? { cursor: wrapCursor(folded, cursor) } : {}) };
}
