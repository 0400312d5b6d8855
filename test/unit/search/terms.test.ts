import { describe, expect, it } from 'vitest';
import {
  canonicalMatch,
  MAX_STARTS,
  planSearch,
  type TermItem,
  termItemsFor,
  termWrites,
} from '../../../shared/search';
import { certificate } from './fixtures';

/** Does the index find `query` in the certificate, as the store would: partition, sort-key prefix, then confirmation? */
function finds(items: TermItem[], query: string): TermItem[] {
  const plan = planSearch(query);
  if (plan?.kind !== 'name') throw new Error(`not a name query: ${query}`);
  return items.filter((i) => {
    if (i.pk !== plan.partition || !i.sk.startsWith(plan.skPrefix)) return false;
    const m = canonicalMatch(i, plan.chars);
    return m?.field === i.field && m.pos === i.pos;
  });
}

describe('the term index of a certificate', () => {
  const name = '华东家电服务有限公司';
  const items = termItemsFor(
    certificate(name, {
      organization: { name, nameEn: 'Huadong Appliance Service Co., Ltd.', creditCode: '91350100M000100Y43' },
    }),
  );

  it('finds the certificate by every substring of 2+ characters of its Chinese name, exactly once', () => {
    for (let from = 0; from < name.length; from++) {
      for (let to = from + 2; to <= name.length; to++)
        expect(finds(items, name.slice(from, to)), name.slice(from, to)).toHaveLength(1);
    }
  });

  it('finds it by English word prefixes, whatever the case and spacing', () => {
    for (const q of ['huadong', 'Appl', 'appliance serv', 'SERVICE CO', 'co., ltd', 'Ltd'])
      expect(finds(items, q), q).toHaveLength(1);
    expect(finds(items, 'pliance')).toHaveLength(0);
  });

  it('does not find what the name does not contain', () => {
    for (const q of ['华南', '家电维修', '有限公司上海']) expect(finds(items, q), q).toHaveLength(0);
  });

  it('lists a name that contains the query twice once', () => {
    const twice = termItemsFor(certificate('服务之家服务有限公司'));
    expect(finds(twice, '服务')).toHaveLength(1);
  });

  it('keeps within the bound that fits the issuing transaction', () => {
    const long = termItemsFor(
      certificate('长'.repeat(200), {
        organization: { name: '长'.repeat(200), nameEn: 'word '.repeat(60), creditCode: '91350100M000100Y43' },
      }),
    );
    expect(long.length).toBeLessThanOrEqual(MAX_STARTS.name + MAX_STARTS.nameEn);
    expect(long.every((i) => i.sk.length < 200)).toBe(true);
  });
});

describe('keeping the index in step', () => {
  const issued = certificate('华东家电服务有限公司');

  it('writes every term of a new certificate', () => {
    const writes = termWrites(null, issued);
    expect(writes).toHaveLength(9);
    expect(writes.every((w) => w.kind === 'item')).toBe(true);
  });

  it('rewrites the terms when status or level change, and writes nothing when a hit would look the same', () => {
    expect(termWrites(issued, { ...issued, version: 2, surveillances: [] })).toEqual([]);
    const suspended = termWrites(issued, { ...issued, version: 2, status: 'suspended' });
    expect(suspended).toHaveLength(9);
    expect(suspended.every((w) => w.kind === 'item' && w.value.status === 'suspended')).toBe(true);
  });

  it('deletes the terms of a start that a changed name no longer has', () => {
    const renamed = { ...issued, organization: { ...issued.organization, name: '华东家电有限公司' } };
    const writes = termWrites(issued, renamed);
    expect(writes.filter((w) => w.kind === 'delete').length).toBeGreaterThan(0);
    expect(writes.filter((w) => w.kind === 'item')).toHaveLength(7);
  });
});

describe('planning a query', () => {
  it('reads a certificate number and a valid credit code as such, whatever the case', () => {
    expect(planSearch(' sm-sv-2026-000001 ')).toEqual({ kind: 'number', number: 'SM-SV-2026-000001' });
    expect(planSearch('91350100m000100y43')).toEqual({ kind: 'creditCode', creditCode: '91350100M000100Y43' });
  });

  it('treats a mistyped credit code as a name part, and refuses fewer than 2 letters or digits', () => {
    expect(planSearch('91350100M000100Y44')?.kind).toBe('name');
    expect(planSearch('华')).toBeNull();
    expect(planSearch('（）')).toBeNull();
  });
});
