/** The page's calls to its own origin's API; a problem or a network failure becomes an error the view shows. */
import type { JwksInput } from '../../../shared/jws/key-lookup';
import type { IssuedReceiptAnswer } from '../../../shared/receipts/schemas';
import type { BulkQueryAnswer } from '../../../shared/search/bulk';
import type { SearchPage } from '../../../shared/search/schema';
import { type ApiOutcome, getJson, postJson, problemTitle } from '../common/api';
import { type Msg, t } from '../common/i18n';
import type { BulkApi } from './bulk-check';
import { M } from './messages';

export class PageApiError extends Error {
  constructor(
    readonly title: Msg,
    readonly code?: string,
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
  );
}

export function errorText(error: unknown): string {
  return error instanceof PageApiError ? t(error.title) : t(M.network);
}

export interface SearchParams {
  q: string;
  status?: string;
  level?: string;
  cursor?: string;
}

export async function searchCertificates(params: SearchParams): Promise<SearchPage> {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  return unwrap(await getJson<SearchPage>(`/v1/certificates?${query}`, { cache: 'default' }));
}

export const pageBulkApi: BulkApi = {
  match: async (queries) =>
    unwrap(await postJson<BulkQueryAnswer>('/v1/verifications', { queries }, { timeoutMs: 30_000 })),
};

export async function createReceipt(number: string): Promise<IssuedReceiptAnswer> {
  return unwrap(await postJson<IssuedReceiptAnswer>('/v1/receipts', { number }));
}

export async function registryKeys(): Promise<JwksInput> {
  return unwrap(await getJson<JwksInput>('/.well-known/jwks.json'));
}
