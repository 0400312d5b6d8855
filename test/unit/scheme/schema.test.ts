import { describe, expect, it } from 'vitest';
import { fullMarksScoreSheet, scoreSheetSchema, sheetWithTotal } from '../../../shared/scheme';
import { withExcluded, withScore } from './helpers';

function stableCodes(input: unknown): unknown[] {
  const result = scoreSheetSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => (i.code === 'custom' ? i.params?.code : i.code));
}

describe('scoreSheetSchema', () => {
  it('parses a valid sheet unchanged', () => {
    const sheet = withExcluded(sheetWithTotal(92.4), 'G6');
    expect(scoreSheetSchema.parse(sheet)).toEqual(sheet);
  });

  it('keeps notes and reasons', () => {
    const sheet = {
      ...fullMarksScoreSheet(),
      specialDeductions: [{ reason: '未按规定公示保修条款' }],
      bonus: { reason: '行业领先' },
    };
    sheet.indicators[0] = { code: 'S1', score: 4, note: '服务部门设置完整' };
    expect(scoreSheetSchema.parse(sheet)).toEqual(sheet);
  });

  it('puts the stable code of each rule in params.code with the path as an array', () => {
    const result = scoreSheetSchema.safeParse(withScore(fullMarksScoreSheet(), 'G6', 2.5));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      {
        code: 'custom',
        path: ['indicators', 12, 'score'],
        message: 'G6 must be scored from 0 to 2',
        params: { code: 'SCORE_OUT_OF_RANGE' },
      },
    ]);
  });

  it.each([
    ['INDICATOR_MISSING', { ...fullMarksScoreSheet(), indicators: fullMarksScoreSheet().indicators.slice(1) }],
    [
      'INDICATOR_UNKNOWN',
      { ...fullMarksScoreSheet(), indicators: [...fullMarksScoreSheet().indicators, { code: 'X9', score: 1 }] },
    ],
    [
      'INDICATOR_DUPLICATE',
      { ...fullMarksScoreSheet(), indicators: [...fullMarksScoreSheet().indicators, { code: 'S1', score: 1 }] },
    ],
    ['SCORE_OUT_OF_RANGE', withScore(fullMarksScoreSheet(), 'S1', -1)],
    ['SCORE_PRECISION', withScore(fullMarksScoreSheet(), 'S1', 3.33)],
    [
      'SCORE_AND_EXCLUDED',
      {
        ...fullMarksScoreSheet(),
        indicators: fullMarksScoreSheet().indicators.map((e) => ({ ...e, excluded: e.code === 'S1' })),
      },
    ],
    [
      'ALL_EXCLUDED',
      {
        ...fullMarksScoreSheet(),
        indicators: fullMarksScoreSheet().indicators.map((e) => ({ code: e.code, excluded: true })),
      },
    ],
    ['SCHEME_VERSION_UNKNOWN', { ...fullMarksScoreSheet(), schemeVersion: 'v0' }],
    ['TOO_MANY_BONUSES', { ...fullMarksScoreSheet(), bonus: [{ reason: 'a' }, { reason: 'b' }] }],
  ])('reports %s', (code, input) => {
    expect(stableCodes(input)).toEqual([code]);
  });

  it('unwraps a single bonus sent as a one-element list', () => {
    expect(scoreSheetSchema.parse({ ...fullMarksScoreSheet(), bonus: [{ reason: 'a' }] }).bonus).toEqual({
      reason: 'a',
    });
    expect(scoreSheetSchema.parse({ ...fullMarksScoreSheet(), bonus: [] }).bonus).toBeNull();
  });

  it('accepts a sheet without a bonus field', () => {
    const { bonus: _bonus, ...sheet } = fullMarksScoreSheet();
    expect(scoreSheetSchema.parse(sheet)).toEqual(sheet);
  });

  it('refuses non-finite and non-numeric scores by shape', () => {
    expect(stableCodes(withScore(fullMarksScoreSheet(), 'S1', Number.POSITIVE_INFINITY))).toEqual(['invalid_type']);
    expect(stableCodes(withScore(fullMarksScoreSheet(), 'S1', Number.NaN))).toEqual(['invalid_type']);
    expect(stableCodes(withScore(fullMarksScoreSheet(), 'S1', '4' as unknown as number))).toEqual(['invalid_type']);
  });

  it('bounds text to 2000 characters', () => {
    const sheet = fullMarksScoreSheet();
    sheet.indicators[0] = { code: 'S1', score: 4, note: 'x'.repeat(2001) };
    expect(stableCodes(sheet)).toEqual(['too_big']);
    expect(stableCodes({ ...fullMarksScoreSheet(), specialDeductions: [{ reason: 'x'.repeat(2001) }] })).toEqual([
      'too_big',
    ]);
  });

  it('refuses an empty deduction reason', () => {
    expect(stableCodes({ ...fullMarksScoreSheet(), specialDeductions: [{ reason: '  ' }] })).toEqual(['too_small']);
  });

  it('bounds the lists: 50 indicators, 20 special deductions', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ code: `X${i}`, score: 1 }));
    expect(stableCodes({ ...fullMarksScoreSheet(), indicators: many })).toEqual(['too_big']);
    const deductions = Array.from({ length: 21 }, () => ({ reason: 'breach' }));
    expect(stableCodes({ ...fullMarksScoreSheet(), specialDeductions: deductions })).toEqual(['too_big']);
    expect(stableCodes({ ...fullMarksScoreSheet(), specialDeductions: deductions.slice(1) })).toEqual([]);
  });

  it('refuses a sheet that is not an object', () => {
    expect(stableCodes(null)).toEqual(['invalid_type']);
    expect(stableCodes({ schemeVersion: 'GB/T 27922-2011#1' })).toEqual(['invalid_type', 'invalid_type']);
  });
});
