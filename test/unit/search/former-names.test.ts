/** A renamed holder stays findable by its former names (曾用名), within the bound a rename's transaction allows. */
import { describe, expect, it } from 'vitest';
import type { Certificate, ChangeRecord } from '../../../shared/model';
import {
  FORMER_STARTS,
  hitOf,
  isCanonicalItem,
  MAX_FORMER_NAMES,
  nameMatch,
  planSearch,
  summaryOf,
  TERM_WRITE_BUDGET,
  type TermItem,
  termItemsFor,
  termWrites,
} from '../../../shared/search';
import { certificate } from './fixtures';

const rename = (from: string, to: string): ChangeRecord => ({
  date: '2026-11-23',
  kind: 'rename',
  field: 'name',
  from,
  to,
  reasonCategory: 'business_registration',
});
const renamed = (names: string[], over: Partial<Certificate> = {}): Certificate => {
  const current = names[names.length - 1]!;
  const changes = names.slice(1).map((to, i) => rename(names[i]!, to));
  return certificate(current, {
    ...over,
    changes,
    organization: { ...certificate(current).organization, ...over.organization, name: current },
  });
};

/** What a name query reads back, as the store would: partition, sort-key prefix, then the canonical item. */
function finds(items: TermItem[], query: string): TermItem[] {
  const plan = planSearch(query);
  if (plan?.kind !== 'name') throw new Error(`not a name query: ${query}`);
  return items.filter(
    (i) => i.pk === plan.partition && i.sk.startsWith(plan.skPrefix) && isCanonicalItem(i, plan.chars),
  );
}

describe('a renamed certificate in the name index', () => {
  const c = renamed(['华东旧电器有限公司', '华东新家电有限公司']);
  const items = termItemsFor(c);

  it('is found by its whole former name, once, as a former-name hit', () => {
    const found = finds(items, '华东旧电器有限公司');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: 'formerName', formerName: '华东旧电器有限公司' });
    const hit = hitOf(found[0]!, new Date('2026-11-23T02:00:00Z'), found[0]!.formerName);
    expect(hit.matchedFormerName).toBe('华东旧电器有限公司');
    expect(hit.organization).toMatchObject({ name: '华东新家电有限公司', formerNames: ['华东旧电器有限公司'] });
  });

  it(`is found by a part of a former name that starts within its first ${FORMER_STARTS} characters`, () => {
    expect(finds(items, '旧电器')).toHaveLength(1);
    expect(finds(items, '电器有限')).toHaveLength(1);
  });

  it('is listed once, as a current-name hit, for a query both names contain', () => {
    const found = finds(items, '华东');
    expect(found).toHaveLength(1);
    expect(found[0]!.field).toBe('name');
  });

  it('reads as a former-name match in a bulk check only when no current name contains the query', () => {
    const hit = hitOf(summaryOf(c), new Date('2026-11-23T02:00:00Z'));
    expect(nameMatch(['旧', '电', '器'], hit)).toBe('formerName');
    expect(nameMatch(['新', '家', '电'], hit)).toBe('partialName');
  });

  it(`keeps the newest ${MAX_FORMER_NAMES} former names`, () => {
    const many = renamed(['甲一公司', '乙二公司', '丙三公司', '丁四公司', '戊五公司']);
    expect(summaryOf(many).formerNames).toEqual(['丁四公司', '丙三公司', '乙二公司']);
    expect(finds(termItemsFor(many), '甲一公司')).toHaveLength(0);
    expect(finds(termItemsFor(many), '乙二公司')).toHaveLength(1);
  });
});

describe('a rename in one transaction', () => {
  it('rewrites the terms under the new name and deletes the starts the old one had', () => {
    const before = certificate('华东旧电器有限公司');
    const after = renamed(['华东旧电器有限公司', '华东新家电有限公司'], { version: 2 });
    const writes = termWrites(before, after);
    const deleted = writes.filter((w) => w.kind === 'delete');
    const put = writes.filter((w) => w.kind === 'item');
    expect(deleted.length).toBeGreaterThan(0);
    expect(put.every((w) => w.kind === 'item' && w.value.name === '华东新家电有限公司')).toBe(true);
  });

  it('fits the transaction even for the longest names and a full list of former names', () => {
    const long = (ch: string) => ch.repeat(60);
    const en = (w: string) => `${w} `.repeat(40);
    const names = [long('甲'), long('乙'), long('丙'), long('丁'), long('戊')];
    const over = (nameEn: string) => ({ organization: { name: '', nameEn, creditCode: '91350100M000100Y43' } });
    // A change changes one field: here the name, the longest English name staying as it was.
    const before = renamed(names.slice(0, 4), over(en('alpha')));
    const after = renamed(names, { ...over(en('alpha')), version: 2 });
    const writes = termWrites(before, after);
    expect(writes.length).toBeLessThanOrEqual(TERM_WRITE_BUDGET);
    // With the certificate, its event, its log entry and counter, the holder's notice and the Idempotency-Key record.
    expect(TERM_WRITE_BUDGET + 6).toBeLessThanOrEqual(100);
  });
});
