/** The page's calls to its own origin's API; a problem or a network failure becomes an error the view shows. */

import type { FieldIssue } from '../../../shared/errors';
import type { JwksInput } from '../../../shared/jws/key-lookup';
import type { IssuedReceiptAnswer } from '../../../shared/receipts/schemas';
import type { BulkQueryAnswer, BulkQueryCheck } from '../../../shared/search/bulk';
import type { SearchPage } from '../../../shared/search/schema';
import { type ApiOutcome, problemTitle } from '../common/api';
import { type Msg, t } from '../common/i18n';
import { apiGet, apiPost, type Inputs } from '../common/typed-api';
import type { BulkApi } from './bulk-check';
import { M } from './messages';

export class PageApiError extends Error {
  constructor(
    readonly title: Msg,
    readonly code?: string,
    /** The fields the server found wrong, for the form to mark (common/field-problems). */
    readonly fields: readonly FieldIssue[] = [],
  ) {
    super(title.en);
  }
}

function unwrap<T>(outcome: ApiOutcome<T>): T {
  if (outcome.kind === 'ok') return outcome.body;
  if (outcome.kind === 'network') throw new PageApiError(M.network);
  throw new PageApiError(
    problemTitle(outcome.problem) ?? { zh: outcome.problem.code, en: outcome.problem.code },
    outcome.problem.code,
    outcome.problem.errors,
  );
}

export function errorText(error: unknown): string {
  return error instanceof PageApiError ? t(error.title) : t(M.network);
}

/** The search's query as the document declares it (status and level among their values). */
export type SearchParams = NonNullable<Inputs<'/v1/certificates', 'get'>['query']>;

export async function searchCertificates(query: SearchParams): Promise<SearchPage> {
  return unwrap(await apiGet('/v1/certificates', { query }, { cache: 'default' }));
}

/** The answer to a check by queries: each item has its candidates (a token or numbers answer has none). */
function byQueries(answer: Awaited<ReturnType<typeof postVerifications>>): BulkQueryAnswer {
  const { checkedAt, items } = answer;
  const checks = (items as readonly object[]).filter(isQueryCheck);
  if (checks.length !== items.length) throw new PageApiError(M.network);
  return { checkedAt, items: checks };
}

function isQueryCheck(item: object): item is BulkQueryCheck {
  return 'candidates' in item && 'query' in item;
}

async function postVerifications(queries: string[]) {
  return unwrap(await apiPost('/v1/verifications', { queries }, {}, { timeoutMs: 30_000 }));
}

export const pageBulkApi: BulkApi = { match: async (queries) => byQueries(await postVerifications(queries)) };

export async function createReceipt(number: string): Promise<IssuedReceiptAnswer> {
  return unwrap(await apiPost('/v1/receipts', { number }));
}

export async function registryKeys(): Promise<JwksInput> {
  return unwrap(await apiGet('/.well-known/jwks.json'));
}
