/**
 * The staff's name index of organizations: what finds a case by a part of its organization's name, whether or not
 * the organization holds a certificate yet (the public name index, shared/search/terms.ts, holds certificates only).
 * One key item per place where a search may start in the record's name or English name, in partition
 * `ORGTERM#<first two characters there>` with the text from there on, then the credit code, as its sort key: a query
 * is one key-condition read whose cost is the number of matches. An item carries only the credit code; what a hit
 * shows is read from the organization record, so a submission that leaves the name as it was writes no item, and a
 * new name writes only the starts that changed (within a transaction's 100 writes).
 */

import { foldedQuery, indexableText } from '../search/normalize';
import { indexed, KEY_CHARS, MAX_STARTS, MIN_QUERY_CHARS } from '../search/terms';
import type { Write } from '../store/port';
import type { OrganizationRecord } from './index';

export const ORGANIZATION_TERM_ENTITY = 'organization-term';
type Named = Pick<OrganizationRecord, 'creditCode' | 'name' | 'nameEn'>;

export const organizationTermKeys = {
  partition: (firstTwo: string) => `ORGTERM#${firstTwo}`,
  sort: (from: readonly string[], creditCode: string, field: 'name' | 'nameEn', pos: number) =>
    `${from.slice(0, KEY_CHARS).join('')}#${creditCode}#${field}:${pos}`,
};

export interface OrganizationTermItem {
  pk: string;
  sk: string;
  entity: typeof ORGANIZATION_TERM_ENTITY;
  creditCode: string;
}

export function organizationTermItems(o: Named): OrganizationTermItem[] {
  return (['name', 'nameEn'] as const).flatMap((field) => {
    const { chars, starts } = indexed(o[field] ?? '', MAX_STARTS[field]);
    return starts.map((pos) => ({
      pk: organizationTermKeys.partition(chars.slice(pos, pos + MIN_QUERY_CHARS).join('')),
      sk: organizationTermKeys.sort(chars.slice(pos), o.creditCode, field, pos),
      entity: ORGANIZATION_TERM_ENTITY,
      creditCode: o.creditCode,
    }));
  });
}

/**
 * The writes that keep the index in step with an organization record, in the SAME transaction as the record: the
 * items of starts the new names have and the old ones had not, and the deletion of those no longer there.
 */
export function organizationTermWrites(previous: Named | undefined, next: Named): Write[] {
  const key = (i: OrganizationTermItem) => `${i.pk}\n${i.sk}`;
  const before = previous ? organizationTermItems(previous) : [];
  const after = organizationTermItems(next);
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return [
    ...before.filter((i) => !has.has(key(i))).map((i): Write => ({ kind: 'delete', key: { pk: i.pk, sk: i.sk } })),
    ...after.filter((i) => !had.has(key(i))).map((value): Write => ({ kind: 'item', value: { ...value } })),
  ];
}

/**
 * Whether a record's names contain the query: the index keeps KEY_CHARS of text in its keys, so a longer query is
 * confirmed against the record itself.
 */
export function organizationNameContains(o: Pick<OrganizationRecord, 'name' | 'nameEn'>, raw: string): boolean {
  const query = foldedQuery(raw).join('');
  return [o.name, o.nameEn ?? ''].some((name) => indexableText(name).chars.join('').includes(query));
}

/** The credit code a term item names, or null for anything that is not one. */
export function organizationTermCode(raw: Record<string, unknown>): string | null {
  return raw.entity === ORGANIZATION_TERM_ENTITY && typeof raw.creditCode === 'string' ? raw.creditCode : null;
}
