/**
 * A bulk check: credit codes resolved to their certificates through the search API, then every certificate number
 * checked through POST /v1/verifications, up to 100 per request (a list of 100 bidders is one request). The page
 * judges nothing itself beyond the shared number format: status, level and verdict are the registry's answer.
 */
import type { SearchHit } from '../../../shared/search/hit';
import type { SearchPage } from '../../../shared/search/schema';
import type { NumberCheck, VerificationAnswer } from '../../../shared/star-mark/live';
import { MAX_NUMBERS_PER_CHECK } from '../../../shared/star-mark/schemas';
import type { BulkEntry } from './bulk-input';
import type { BulkRow } from './rows';

/** The two API calls a bulk check makes; the page passes its same-origin client, tests a client of a test server. */
export interface BulkApi {
  search(q: string): Promise<SearchPage>;
  verify(numbers: string[]): Promise<VerificationAnswer<NumberCheck>>;
}

/** Credit codes looked up at once: enough to be quick, few enough not to trip the API's throttling. */
const PARALLEL_LOOKUPS = 6;

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function rowOf(entry: BulkEntry, check: NumberCheck | undefined, checkedAt: string | undefined): BulkRow {
  const base = {
    line: entry.line,
    input: entry.input,
    ...(entry.label ? { label: entry.label } : {}),
    ...(checkedAt ? { checkedAt } : {}),
  };
  if (!check) return { ...base, verdict: 'UNKNOWN_NUMBER', number: entry.value };
  const record = check.record;
  return {
    ...base,
    verdict: check.verdict,
    number: check.number,
    ...(record
      ? {
          organization: record.organization.name,
          creditCode: record.organization.creditCode,
          levelName: record.levelName,
          validUntil: record.validUntil,
        }
      : {}),
    ...(check.level ? { level: check.level } : {}),
    ...(check.status ? { status: check.status } : {}),
  };
}

export async function checkEntries(entries: readonly BulkEntry[], api: BulkApi): Promise<BulkRow[]> {
  const codes = [...new Set(entries.filter((e) => e.kind === 'creditCode').map((e) => e.value))];
  const hitsByCode = new Map<string, SearchHit[]>();
  const pages = await mapLimited(codes, PARALLEL_LOOKUPS, (code) => api.search(code));
  codes.forEach((code, i) => {
    hitsByCode.set(code, pages[i]!.items);
  });

  const numbers = [
    ...new Set([
      ...entries.filter((e) => e.kind === 'number').map((e) => e.value),
      ...[...hitsByCode.values()].flat().map((h) => h.number),
    ]),
  ];
  const checks = new Map<string, NumberCheck>();
  let checkedAt: string | undefined;
  for (let i = 0; i < numbers.length; i += MAX_NUMBERS_PER_CHECK) {
    const answer = await api.verify(numbers.slice(i, i + MAX_NUMBERS_PER_CHECK));
    checkedAt ??= answer.checkedAt;
    for (const item of answer.items) checks.set(item.number, item);
  }

  return entries.flatMap((entry): BulkRow[] => {
    if (entry.kind === 'unrecognized')
      return [
        { line: entry.line, input: entry.input, ...(entry.label ? { label: entry.label } : {}), verdict: 'MALFORMED' },
      ];
    if (entry.kind === 'number') return [rowOf(entry, checks.get(entry.value), checkedAt)];
    const hits = hitsByCode.get(entry.value) ?? [];
    if (!hits.length)
      return [
        {
          line: entry.line,
          input: entry.input,
          ...(entry.label ? { label: entry.label } : {}),
          creditCode: entry.value,
          verdict: 'NO_CERTIFICATE',
          ...(checkedAt ? { checkedAt } : {}),
        },
      ];
    return hits.map((hit) => rowOf({ ...entry, value: hit.number }, checks.get(hit.number), checkedAt));
  });
}
