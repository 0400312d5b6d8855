/**
 * A bulk check by whatever a tender list holds: a certificate number, a 统一社会信用代码 or an organization name. Each
 * query is planned by the search's own rules (planSearch), except that what is plainly MEANT as a number or a credit
 * code but is not one is refused for what is wrong with it — a credit code with a wrong GB 32100 check character says
 * so — rather than searched as a name. Each candidate says how well it matched. Pure, so the page shows the same
 * reading of a list before it asks.
 */
import { creditCodeProblem } from '../credit-code';
import { statusVerdict } from '../star-mark/verdict';
import type { SearchHit } from './hit';
import { foldedQuery } from './normalize';
import { planSearch } from './query';

export const MAX_QUERIES_PER_CHECK = 100;
/** A query is echoed back, so bounded; a name is far shorter. */
export const MAX_QUERY_CHARS = 200;
/** Candidates listed per name; a name that matches more says so (`more`) and the officer narrows it. */
export const MAX_CANDIDATES = 10;

/** How well a candidate matched, best first: an identifier, the whole current name, a former name, a part of one. */
export const MATCH_KINDS = ['number', 'creditCode', 'exactName', 'formerName', 'partialName'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** Why a query was not looked up at all. */
export const QUERY_PROBLEMS = ['CREDIT_CODE_INVALID', 'NUMBER_MALFORMED', 'QUERY_TOO_SHORT'] as const;
export type QueryProblemCode = (typeof QUERY_PROBLEMS)[number];

export type BulkQueryPlan =
  | { kind: 'number'; number: string }
  | { kind: 'creditCode'; creditCode: string }
  | { kind: 'name'; name: string; chars: string[] }
  | { kind: 'refused'; code: QueryProblemCode; message: string };

/** The spelling of an identifier as people write it: spaces, quotes and lower case do not count. */
function compactOf(raw: string): string {
  return raw
    .trim()
    .replace(/^['"‘’“”]+|['"‘’“”]+$/gu, '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** 15–20 letters and digits, mostly digits: an identifier someone mistyped, not a name. */
const CREDIT_CODE_ATTEMPT = /^[0-9A-Z]{15,20}$/;
const mostlyDigits = (s: string) => (s.match(/\d/g)?.length ?? 0) >= 10;
/** `SM-SV-2026-1`, `SM SV 2026 000001x`: the shape of a certificate number, wrong in its details. */
const NUMBER_ATTEMPT = /^[A-Z]{2,8}[-_]?SV([-_]|\d)/;

export function planBulkQuery(raw: string): BulkQueryPlan {
  const compact = compactOf(raw);
  const plan = planSearch(compact);
  if (plan?.kind === 'number') return plan;
  if (plan?.kind === 'creditCode') return plan;
  if (NUMBER_ATTEMPT.test(compact))
    return {
      kind: 'refused',
      code: 'NUMBER_MALFORMED',
      message: '证书编号格式错误 / not a certificate number (PREFIX-SV-YYYY-NNNNNN)',
    };
  if (CREDIT_CODE_ATTEMPT.test(compact) && mostlyDigits(compact))
    return { kind: 'refused', code: 'CREDIT_CODE_INVALID', message: creditCodeProblem(compact) ?? '' };
  const chars = foldedQuery(raw);
  if (chars.length < 2)
    return { kind: 'refused', code: 'QUERY_TOO_SHORT', message: '至少 2 个字符 / at least 2 letters or digits' };
  return { kind: 'name', name: raw.trim(), chars };
}

/** The names a candidate is known by: now, in English, and before a change of name (when the record keeps any). */
export interface NamedCandidate {
  organization: { name: string; nameEn?: string; formerNames?: readonly string[] };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c === b[i]);
const contains = (text: readonly string[], part: readonly string[]) =>
  text.join('\u0000').includes(part.join('\u0000'));

/** How a name query matched a candidate the name search found (a search hit contains the query by construction). */
export function nameMatch(query: readonly string[], candidate: NamedCandidate): MatchKind {
  const { name, nameEn, formerNames = [] } = candidate.organization;
  if ([name, nameEn].some((n) => n !== undefined && same(foldedQuery(n), query))) return 'exactName';
  const current = [name, nameEn].some((n) => n !== undefined && contains(foldedQuery(n), query));
  if (!current && formerNames.some((n) => contains(foldedQuery(n), query))) return 'formerName';
  return 'partialName';
}

export interface BulkCandidate extends SearchHit {
  match: MatchKind;
  /** The verdict on the certificate as the public record shows it now. */
  verdict: ReturnType<typeof statusVerdict>;
}

export interface BulkQueryCheck {
  query: string;
  /** What the query was read as. */
  kind: 'number' | 'creditCode' | 'name' | 'refused';
  candidates: BulkCandidate[];
  /** More candidates than MAX_CANDIDATES matched the name. */
  more?: boolean;
  problem?: { code: QueryProblemCode; message: string };
}

export interface BulkQueryAnswer {
  checkedAt: string;
  items: BulkQueryCheck[];
}

export function candidateOf(hit: SearchHit, match: MatchKind): BulkCandidate {
  return { ...hit, match, verdict: statusVerdict(hit.status) };
}

/** Best match first, then the most useful certificate (a valid one before a withdrawn one), then by number. */
const STATUS_ORDER: Record<SearchHit['status'], number> = {
  valid: 0,
  suspended: 1,
  expired: 2,
  cancelled: 3,
  withdrawn: 4,
};

export function rankCandidates(candidates: BulkCandidate[]): BulkCandidate[] {
  return [...candidates].sort(
    (a, b) =>
      MATCH_KINDS.indexOf(a.match) - MATCH_KINDS.indexOf(b.match) ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
  );
}
