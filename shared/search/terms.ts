/**
 * The name index: beside each certificate, one term item per place where a search may start in its name (see
 * normalize.ts). The item lives in partition `TERM#<first two characters there>` with the text from there on as its
 * sort key, so a query is ONE key-condition read — partition of the query's first two characters, sort key
 * begins_with the query — whose cost is the number of matches, not the size of the registry. Each item carries the
 * certificate's summary (status, level, validity end), so a page of hits needs no second read; the price is that a
 * change of status, level or name rewrites the items, in the same transaction as the certificate (termWrites).
 *
 * A renamed holder stays findable by its former names (曾用名): the newest MAX_FORMER_NAMES of them are indexed from
 * their first FORMER_STARTS places, so a bidder list written with the old name, or its beginning, still finds it.
 */
import { formerNamesOf } from '../lifecycle/changes';
import type { Certificate } from '../model';
import type { StarLevel } from '../scheme';
import type { Write } from '../store/port';
import { indexableText, occursAt } from './normalize';

export const SEARCH_FIELDS = ['name', 'nameEn', 'formerName'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * Start positions indexed per field (for former names: in all of them together). A transaction holds at most 100
 * writes, and a rename is the costliest: every item of the new names written, every start of the old name deleted,
 * with the certificate, its event, its log entry and counter and the Idempotency-Key record beside them. So the index
 * is bounded: 30 characters of a Chinese name (real ones are shorter), 12 words of an English one, and 4 starts of
 * each of 3 former names — at most TERM_WRITE_BUDGET writes.
 */
export const MAX_STARTS: Record<SearchField, number> = { name: 30, nameEn: 12, formerName: 12 };
export const MAX_FORMER_NAMES = 3;
export const FORMER_STARTS = MAX_STARTS.formerName / MAX_FORMER_NAMES;
/**
 * The most term writes one step makes. A change changes one field, so the costliest is a rename: every item put, the
 * old name's starts deleted, and the oldest former name's when it drops off the list.
 */
export const TERM_WRITE_BUDGET =
  MAX_STARTS.name + MAX_STARTS.nameEn + MAX_STARTS.formerName + MAX_STARTS.name + FORMER_STARTS;
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
  /** The former names the index holds, newest first (absent when there are none). */
  formerNames?: string[];
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
  /** For a former-name item: the former name it indexes. */
  formerName?: string;
}

export const termKeys = {
  partition: (firstTwo: string) => `TERM#${firstTwo}`,
  sort: (from: readonly string[], number: string, field: SearchField, pos: number) =>
    `${from.slice(0, KEY_CHARS).join('')}#${number}#${field}:${pos}`,
};

export function summaryOf(c: Certificate): TermSummary {
  const { name, nameEn, creditCode } = c.organization;
  const formerNames = formerNamesOf(c).slice(0, MAX_FORMER_NAMES);
  return {
    number: c.number,
    name,
    ...(nameEn ? { nameEn } : {}),
    creditCode,
    ...(formerNames.length ? { formerNames } : {}),
    level: c.level,
    status: c.status,
    validUntil: c.validUntil,
  };
}

/** One indexed text: its folded characters and where a search may start in it (bounded as above). */
interface IndexedText {
  chars: string[];
  starts: number[];
  /** The former name it is, for a former-name text. */
  formerName?: string;
}

/** Where a search may start in a name: at most `max` starts, each with a query's worth of text after it. */
export function indexed(raw: string, max: number): Omit<IndexedText, 'formerName'> {
  const text = indexableText(raw);
  const starts = text.starts.filter((p) => p + MIN_QUERY_CHARS <= text.chars.length).slice(0, max);
  return { chars: text.chars, starts };
}

/** The indexed texts of a field: one for a name, one per indexed former name. */
export function indexedTexts(
  summary: Pick<TermSummary, 'name' | 'nameEn' | 'formerNames'>,
  field: SearchField,
): IndexedText[] {
  if (field !== 'formerName') return [indexed(summary[field] ?? '', MAX_STARTS[field])];
  return (summary.formerNames ?? [])
    .slice(0, MAX_FORMER_NAMES)
    .map((formerName): IndexedText => ({ ...indexed(formerName, FORMER_STARTS), formerName }));
}

/**
 * The one place where a query matches a certificate: the first field, then the first indexed start, where it occurs
 * (the current names before the former ones, the newest former name first). A hit is accepted only from the item at
 * that place, so a name containing the query twice, or a query in both the name and a former name, is listed once.
 */
export function canonicalMatch(
  summary: Pick<TermSummary, 'name' | 'nameEn' | 'formerNames'>,
  query: readonly string[],
): { field: SearchField; pos: number; formerName?: string } | null {
  for (const field of SEARCH_FIELDS) {
    for (const { chars, starts, formerName } of indexedTexts(summary, field)) {
      const pos = starts.find((p) => occursAt(chars, query, p));
      if (pos !== undefined) return { field, pos, ...(formerName !== undefined ? { formerName } : {}) };
    }
  }
  return null;
}

/** Whether a term item is the one at the place where the query matches (see canonicalMatch). */
export function isCanonicalItem(term: TermItem, query: readonly string[]): boolean {
  const match = canonicalMatch(term, query);
  return match?.field === term.field && match.pos === term.pos && match.formerName === term.formerName;
}

export function termItemsFor(c: Certificate): TermItem[] {
  const summary = summaryOf(c);
  const seen = new Set<string>();
  return SEARCH_FIELDS.flatMap((field) =>
    indexedTexts(summary, field).flatMap(({ chars, starts, formerName }) =>
      starts.flatMap((pos): TermItem[] => {
        const pk = termKeys.partition(chars.slice(pos, pos + MIN_QUERY_CHARS).join(''));
        const sk = termKeys.sort(chars.slice(pos), c.number, field, pos);
        // Two former names with the same text from the same place are one key: the newer one holds it.
        if (seen.has(`${pk}\n${sk}`)) return [];
        seen.add(`${pk}\n${sk}`);
        return [
          {
            pk,
            sk,
            entity: TERM_ENTITY,
            version: c.version,
            field,
            pos,
            ...(formerName !== undefined ? { formerName } : {}),
            ...summary,
          },
        ];
      }),
    ),
  );
}

function sameSummary(a: TermSummary, b: TermSummary): boolean {
  return (Object.keys({ ...a, ...b }) as (keyof TermSummary)[]).every(
    (k) => JSON.stringify(a[k]) === JSON.stringify(b[k]),
  );
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
  if (raw.formerName !== undefined && typeof raw.formerName !== 'string') return null;
  const formers = raw.formerNames;
  if (formers !== undefined && !(Array.isArray(formers) && formers.every((n) => typeof n === 'string'))) return null;
  return raw as unknown as TermItem;
}
