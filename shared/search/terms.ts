/**
 * The name index: beside each certificate, one term item per place where a search may start in its name (see
 * normalize.ts). The item lives in partition `TERM#<first two characters there>` with the text from there on as its
 * sort key, so a query is ONE key-condition read — partition of the query's first two characters, sort key
 * begins_with the query — whose cost is the number of matches, not the size of the registry. Each item carries the
 * certificate's summary (status, level, validity end), so a page of hits needs no second read; the price is that a
 * change of status or level rewrites the items, in the same transaction as the certificate (termWrites).
 */
import type { Certificate } from '../model';
import type { StarLevel } from '../scheme';
import type { Write } from '../store/port';
import { indexableText, occursAt } from './normalize';

export const SEARCH_FIELDS = ['name', 'nameEn'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * Start positions indexed per field. A transaction holds at most 100 writes and issuing already takes 6, so the name
 * index is bounded: 48 characters of a Chinese name (real ones are far shorter) and 16 words of an English one.
 */
export const MAX_STARTS: Record<SearchField, number> = { name: 48, nameEn: 16 };
/** Characters of the text kept in the sort key; a longer query is confirmed against the full name on the item. */
export const KEY_CHARS = 24;
export const MIN_QUERY_CHARS = 2;
export const TERM_ENTITY = 'term';

/** What a hit shows, copied onto every term item of the certificate. */
export interface TermSummary {
  number: string;
  name: string;
  nameEn?: string;
  creditCode: string;
  level: StarLevel;
  status: Certificate['status'];
  validUntil: string;
}

export interface TermItem extends TermSummary {
  pk: string;
  sk: string;
  entity: typeof TERM_ENTITY;
  /** The certificate version the summary was copied from. */
  version: number;
  field: SearchField;
  pos: number;
}

export const termKeys = {
  partition: (firstTwo: string) => `TERM#${firstTwo}`,
  sort: (from: readonly string[], number: string, field: SearchField, pos: number) =>
    `${from.slice(0, KEY_CHARS).join('')}#${number}#${field}:${pos}`,
};

export function summaryOf(c: Certificate): TermSummary {
  const { name, nameEn, creditCode } = c.organization;
  return {
    number: c.number,
    name,
    ...(nameEn ? { nameEn } : {}),
    creditCode,
    level: c.level,
    status: c.status,
    validUntil: c.validUntil,
  };
}

/** The indexed text of a field and where a search may start in it (bounded as above). */
export function indexedField(summary: Pick<TermSummary, SearchField>, field: SearchField) {
  const text = indexableText(summary[field] ?? '');
  const starts = text.starts.filter((p) => p + MIN_QUERY_CHARS <= text.chars.length).slice(0, MAX_STARTS[field]);
  return { chars: text.chars, starts };
}

/**
 * The one place where a query matches a certificate: the first field, then the first indexed start, where it occurs.
 * A hit is accepted only from the item at that place, so a name containing the query twice is listed once.
 */
export function canonicalMatch(
  summary: Pick<TermSummary, SearchField>,
  query: readonly string[],
): { field: SearchField; pos: number } | null {
  for (const field of SEARCH_FIELDS) {
    const { chars, starts } = indexedField(summary, field);
    const pos = starts.find((p) => occursAt(chars, query, p));
    if (pos !== undefined) return { field, pos };
  }
  return null;
}

export function termItemsFor(c: Certificate): TermItem[] {
  const summary = summaryOf(c);
  return SEARCH_FIELDS.flatMap((field) => {
    const { chars, starts } = indexedField(summary, field);
    return starts.map((pos) => ({
      pk: termKeys.partition(chars.slice(pos, pos + MIN_QUERY_CHARS).join('')),
      sk: termKeys.sort(chars.slice(pos), c.number, field, pos),
      entity: TERM_ENTITY,
      version: c.version,
      field,
      pos,
      ...summary,
    }));
  });
}

function sameSummary(a: TermSummary, b: TermSummary): boolean {
  return (Object.keys({ ...a, ...b }) as (keyof TermSummary)[]).every((k) => a[k] === b[k]);
}

/**
 * The writes that keep the name index in step with a certificate, to commit in the SAME transaction as the
 * certificate itself: nothing when nothing a hit shows changed, otherwise every item rewritten, and the items of a
 * start that no longer exists (a changed name) deleted.
 */
export function termWrites(previous: Certificate | null, next: Certificate): Write[] {
  if (previous && sameSummary(summaryOf(previous), summaryOf(next))) return [];
  const items = termItemsFor(next);
  const kept = new Set(items.map((i) => `${i.pk}\n${i.sk}`));
  const stale = previous ? termItemsFor(previous).filter((i) => !kept.has(`${i.pk}\n${i.sk}`)) : [];
  return [
    ...stale.map((i): Write => ({ kind: 'delete', key: { pk: i.pk, sk: i.sk } })),
    ...items.map((value): Write => ({ kind: 'item', value: { ...value } })),
  ];
}

/** A term item as read back from the store, or null for anything that is not one (never trusted blindly). */
export function termFromItem(raw: Record<string, unknown>): TermItem | null {
  const str = (k: string) => typeof raw[k] === 'string';
  if (
    raw.entity !== TERM_ENTITY ||
    !['pk', 'sk', 'number', 'name', 'creditCode', 'level', 'status', 'validUntil'].every(str)
  )
    return null;
  if (!SEARCH_FIELDS.includes(raw.field as SearchField) || typeof raw.pos !== 'number') return null;
  if (raw.nameEn !== undefined && typeof raw.nameEn !== 'string') return null;
  return raw as unknown as TermItem;
}
