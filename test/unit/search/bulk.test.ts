import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { type BulkCandidate, candidateOf, nameMatch, planBulkQuery, rankCandidates } from '../../../shared/search/bulk';
import { foldedQuery } from '../../../shared/search/normalize';

const CODE = '91350100M000100Y43';
/** The same code with its check character replaced by a wrong one. */
const WRONG_CHECK = `${CODE.slice(0, 17)}${creditCodeCheckChar(CODE.slice(0, 17)) === 'A' ? 'B' : 'A'}`;

describe('planBulkQuery: what each line of a tender list is read as', () => {
  it.each([
    ['SM-SV-2026-000001', { kind: 'number', number: 'SM-SV-2026-000001' }],
    [' sm-sv-2026-000001 ', { kind: 'number', number: 'SM-SV-2026-000001' }],
    [CODE, { kind: 'creditCode', creditCode: CODE }],
    [CODE.toLowerCase(), { kind: 'creditCode', creditCode: CODE }],
    [`"${CODE.slice(0, 9)} ${CODE.slice(9)}"`, { kind: 'creditCode', creditCode: CODE }],
  ])('reads %j as an identifier', (raw, plan) => {
    expect(planBulkQuery(raw)).toEqual(plan);
  });

  it('refuses a credit code whose GB 32100 check character is wrong, saying so', () => {
    expect(planBulkQuery(WRONG_CHECK)).toEqual({
      kind: 'refused',
      code: 'CREDIT_CODE_INVALID',
      message: expect.stringContaining('校验位不符'),
    });
  });

  it('refuses a credit code one character short by its length, not as a name', () => {
    expect(planBulkQuery(CODE.slice(0, 17))).toMatchObject({
      code: 'CREDIT_CODE_INVALID',
      message: expect.stringContaining('18位'),
    });
  });

  it('refuses the shape of a certificate number with wrong details as a malformed number', () => {
    for (const raw of ['SM-SV-26-1', 'SM SV 2026 000001x', 'SM-SV-2026-12'])
      expect(planBulkQuery(raw)).toMatchObject({ kind: 'refused', code: 'NUMBER_MALFORMED' });
  });

  it('reads anything else of two characters or more as a name, and refuses one character', () => {
    expect(planBulkQuery(' 华东家电有限公司 ')).toEqual({
      kind: 'name',
      name: '华东家电有限公司',
      chars: foldedQuery('华东家电有限公司'),
    });
    expect(planBulkQuery('Acme Service Co., Ltd.')).toMatchObject({ kind: 'name' });
    expect(planBulkQuery('华')).toMatchObject({ kind: 'refused', code: 'QUERY_TOO_SHORT' });
    expect(planBulkQuery('=-')).toMatchObject({ kind: 'refused', code: 'QUERY_TOO_SHORT' });
  });
});

const q = (s: string) => foldedQuery(s);

describe('nameMatch: how well a name matched', () => {
  it('is exact when the whole current name matches, whatever the spacing, width and case', () => {
    expect(nameMatch(q('华东家电 有限公司'), { organization: { name: '华东家电有限公司' } })).toBe('exactName');
    expect(
      nameMatch(q('ＡＣＭＥ service co ltd'), { organization: { name: '某公司', nameEn: 'Acme Service Co., Ltd.' } }),
    ).toBe('exactName');
  });

  it('is a former name when only a name the organization had before contains it', () => {
    const org = { name: '华东新家电有限公司', formerNames: ['华东旧电器有限公司'] };
    expect(nameMatch(q('华东旧电器有限公司'), { organization: org })).toBe('formerName');
    expect(nameMatch(q('旧电器'), { organization: org })).toBe('formerName');
  });

  it('is partial when the current name contains it but is longer', () => {
    const org = { name: '华东新家电有限公司', formerNames: ['华东家电有限公司'] };
    expect(nameMatch(q('新家电'), { organization: org })).toBe('partialName');
    expect(nameMatch(q('华东'), { organization: org })).toBe('partialName');
  });
});

describe('rankCandidates', () => {
  const hit = (number: string, status: BulkCandidate['status']) => ({
    number,
    organization: { name: 'x', creditCode: CODE },
    level: 'four' as const,
    levelName: { zh: '四星', en: 'Four-star' },
    status,
    validUntil: '2029-01-01',
  });

  it('puts the best match first, then a valid certificate before others, then by number', () => {
    const ranked = rankCandidates([
      candidateOf(hit('SM-SV-2026-000003', 'valid'), 'partialName'),
      candidateOf(hit('SM-SV-2026-000002', 'withdrawn'), 'exactName'),
      candidateOf(hit('SM-SV-2026-000004', 'valid'), 'exactName'),
      candidateOf(hit('SM-SV-2026-000001', 'valid'), 'partialName'),
    ]);
    expect(ranked.map((c) => c.number)).toEqual([
      'SM-SV-2026-000004',
      'SM-SV-2026-000002',
      'SM-SV-2026-000001',
      'SM-SV-2026-000003',
    ]);
    expect(ranked[1]!.verdict).toBe('WITHDRAWN');
  });
});
