/**
 * A bulk check: every entry — number, credit code or name — sent as it is to POST /v1/verifications (`queries`), up
 * to 100 per request (a list of 100 bidders is one request). The registry reads each query and finds its candidates
 * (shared/search/bulk.ts); the page only lays the answer out, one row per candidate.
 */
import type { BulkQueryAnswer, BulkQueryCheck } from '../../../shared/search/bulk';
import { MAX_QUERIES_PER_CHECK, MAX_QUERY_CHARS } from '../../../shared/search/bulk';
import type { BulkEntry } from './bulk-input';
import { M } from './messages';
import type { BulkRow, RowVerdict } from './rows';

/** The one API call a bulk check makes; the page passes its same-origin client, tests a client of a test server. */
export interface BulkApi {
  match(queries: string[]): Promise<BulkQueryAnswer>;
}

/** The verdict of an entry without a candidate: what it was read as says what "nothing" means. */
function emptyVerdict(check: BulkQueryCheck): RowVerdict {
  if (check.problem?.code === 'CREDIT_CODE_INVALID') return 'CREDIT_CODE_INVALID';
  if (check.problem?.code === 'QUERY_TOO_SHORT') return 'QUERY_TOO_SHORT';
  if (check.problem) return 'MALFORMED';
  if (check.kind === 'number') return 'UNKNOWN_NUMBER';
  return check.kind === 'creditCode' ? 'NO_CERTIFICATE' : 'NO_MATCH';
}

function rowsOf(entry: BulkEntry, check: BulkQueryCheck, checkedAt: string): BulkRow[] {
  const base = { row: entry.row, input: entry.input, ...(entry.label ? { label: entry.label } : {}), checkedAt };
  if (!check.candidates.length) {
    // The registry states a problem in both languages, "中文 / English".
    const [zh = '', en = zh] = check.problem?.message.split(' / ') ?? [];
    const detail = check.problem ? { detail: { zh, en } } : {};
    return [{ ...base, verdict: emptyVerdict(check), ...detail }];
  }
  return check.candidates.map((c, i) => ({
    ...base,
    match: c.match,
    verdict: c.verdict,
    number: c.number,
    organization: c.organization.name,
    creditCode: c.organization.creditCode,
    level: c.level,
    levelName: c.levelName,
    status: c.status,
    validUntil: c.validUntil,
    ...(check.more && i === check.candidates.length - 1 ? { detail: M.moreCandidates } : {}),
  }));
}

export async function checkEntries(entries: readonly BulkEntry[], api: BulkApi): Promise<BulkRow[]> {
  const rows: BulkRow[] = [];
  for (let i = 0; i < entries.length; i += MAX_QUERIES_PER_CHECK) {
    const chunk = entries.slice(i, i + MAX_QUERIES_PER_CHECK);
    const answer = await api.match(chunk.map((e) => e.input.slice(0, MAX_QUERY_CHARS)));
    chunk.forEach((entry, k) => {
      const check = answer.items[k];
      if (check) rows.push(...rowsOf(entry, check, answer.checkedAt));
    });
  }
  return rows;
}
