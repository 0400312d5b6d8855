/**
 * What a search box's text means: a certificate number (one direct read), a valid 统一社会信用代码 (the credit-code
 * index), or otherwise a part of an organization name (the term index). Pure, so the page can tell the officer
 * what it will search for before asking.
 */
import { isValidCreditCode } from '../credit-code';
import { CERTIFICATE_NUMBER_RE } from '../schemas/common';
import { foldedQuery } from './normalize';
import { KEY_CHARS, MIN_QUERY_CHARS, termKeys } from './terms';

export type SearchPlan =
  | { kind: 'number'; number: string }
  | { kind: 'creditCode'; creditCode: string }
  | {
      kind: 'name';
      /** The folded query, in code points: what a name must contain. */
      chars: string[];
      /** The term partition to read, and the sort-key prefix that narrows it to the matches. */
      partition: string;
      skPrefix: string;
    };

/** Null when the query has fewer than two characters that count (letters, digits). */
export function planSearch(raw: string): SearchPlan | null {
  const compact = raw.trim().toUpperCase();
  if (CERTIFICATE_NUMBER_RE.test(compact)) return { kind: 'number', number: compact };
  if (isValidCreditCode(compact)) return { kind: 'creditCode', creditCode: compact };
  const chars = foldedQuery(raw);
  if (chars.length < MIN_QUERY_CHARS) return null;
  return {
    kind: 'name',
    chars,
    partition: termKeys.partition(chars.slice(0, MIN_QUERY_CHARS).join('')),
    skPrefix: chars.slice(0, KEY_CHARS).join(''),
  };
}
