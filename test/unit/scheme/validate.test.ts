import { describe, expect, it } from 'vitest';
import {
  blankScoreSheet,
  fullMarksScoreSheet,
  SCHEME,
  type ScoreSheet,
  validateScoreSheet,
} from '../../../shared/scheme';
import { codesOf, withExcluded, withScore } from './helpers';

const full = fullMarksScoreSheet();

describe('validateScoreSheet', () => {
  it('accepts a fully scored sheet', () => {
    expect(validateScoreSheet(full)).toEqual([]);
  });

  it('accepts zero and one-decimal scores', () => {
    expect(validateScoreSheet(withScore(withScore(full, 'S1', 0), 'S2', 5.1))).toEqual([]);
  });

  it('accepts a score that float arithmetic produced, such as 0.1 + 0.2', () => {
    expect(validateScoreSheet(withScore(full, 'G6', 0.1 + 0.2))).toEqual([]);
  });

  it('accepts excluded indicators, with excluded: false meaning scored', () => {
    const sheet = withExcluded(full, 'G3', 'G6');
    sheet.indicators[0] = { code: 'S1', score: 4, excluded: false };
    expect(validateScoreSheet(sheet)).toEqual([]);
  });

  it('catches an indicator left out of the sheet', () => {
    const sheet = { ...full, indicators: full.indicators.filter((e) => e.code !== 'C2') };
    expect(validateScoreSheet(sheet)).toEqual([
      { path: 'indicators', code: 'INDICATOR_MISSING', message: 'C2 is missing from the sheet' },
    ]);
  });

  it('catches an indicator listed but neither scored nor excluded', () => {
    const sheet = { ...full, indicators: full.indicators.map((e) => (e.code === 'S3' ? { code: 'S3' } : e)) };
    expect(validateScoreSheet(sheet)).toEqual([
      { path: 'indicators.2', code: 'INDICATOR_MISSING', message: 'S3 is neither scored nor excluded' },
    ]);
  });

  it('catches every indicator of a blank sheet as missing', () => {
    const issues = validateScoreSheet(blankScoreSheet());
    expect(issues).toHaveLength(SCHEME.indicators.length);
    expect(new Set(codesOf(issues))).toEqual(new Set(['INDICATOR_MISSING']));
  });

  it('catches a duplicate indicator', () => {
    const sheet = { ...full, indicators: [...full.indicators, { code: 'G4', score: 1 }] };
    expect(validateScoreSheet(sheet)).toEqual([
      { path: 'indicators.15.code', code: 'INDICATOR_DUPLICATE', message: 'G4 appears more than once' },
    ]);
  });

  it('catches an unknown indicator code', () => {
    const sheet = { ...full, indicators: [...full.indicators, { code: 'C3', score: 1 }] };
    expect(validateScoreSheet(sheet)).toMatchObject([{ path: 'indicators.15.code', code: 'INDICATOR_UNKNOWN' }]);
  });

  it('treats codes as case-sensitive', () => {
    const sheet = { ...full, indicators: full.indicators.map((e) => (e.code === 'G1' ? { code: 'g1', score: 6 } : e)) };
    expect(codesOf(validateScoreSheet(sheet))).toEqual(['INDICATOR_UNKNOWN', 'INDICATOR_MISSING']);
  });

  it('catches a score above the indicator points', () => {
    expect(validateScoreSheet(withScore(full, 'G6', 2.1))).toEqual([
      { path: 'indicators.12.score', code: 'SCORE_OUT_OF_RANGE', message: 'G6 must be scored from 0 to 2' },
    ]);
  });

  it('catches a negative score', () => {
    expect(codesOf(validateScoreSheet(withScore(full, 'S1', -0.1)))).toEqual(['SCORE_OUT_OF_RANGE']);
  });

  it('catches a score that is not a finite number', () => {
    for (const score of [Number.NaN, Number.POSITIVE_INFINITY, '3' as unknown as number]) {
      expect(codesOf(validateScoreSheet(withScore(full, 'S1', score))), String(score)).toEqual(['SCORE_OUT_OF_RANGE']);
    }
  });

  it('catches a score with two decimals', () => {
    expect(validateScoreSheet(withScore(full, 'S2', 5.15))).toMatchObject([
      { path: 'indicators.1.score', code: 'SCORE_PRECISION' },
    ]);
    expect(codesOf(validateScoreSheet(withScore(full, 'S2', 5.01)))).toEqual(['SCORE_PRECISION']);
  });

  it('catches an indicator both scored and excluded', () => {
    const sheet = { ...full, indicators: full.indicators.map((e) => (e.code === 'G3' ? { ...e, excluded: true } : e)) };
    expect(validateScoreSheet(sheet)).toMatchObject([{ path: 'indicators.9', code: 'SCORE_AND_EXCLUDED' }]);
  });

  it('catches a sheet with every indicator excluded', () => {
    const sheet = withExcluded(full, ...SCHEME.indicators.map((i) => i.code));
    expect(validateScoreSheet(sheet)).toEqual([
      { path: 'indicators', code: 'ALL_EXCLUDED', message: 'every indicator is excluded; nothing can be scored' },
    ]);
  });

  it('accepts a sheet with all indicators but one excluded', () => {
    const sheet = withExcluded(full, ...SCHEME.indicators.filter((i) => i.code !== 'C1').map((i) => i.code));
    expect(validateScoreSheet(sheet)).toEqual([]);
  });

  it('catches an unknown scheme version and stops there', () => {
    expect(validateScoreSheet({ ...blankScoreSheet(), schemeVersion: 'GB/T 27922-2030#1' })).toEqual([
      { path: 'schemeVersion', code: 'SCHEME_VERSION_UNKNOWN', message: 'unknown scheme version "GB/T 27922-2030#1"' },
    ]);
  });

  it('catches more than one bonus', () => {
    const sheet = { ...full, bonus: [{ reason: 'a' }, { reason: 'b' }] } as unknown as ScoreSheet;
    expect(validateScoreSheet(sheet)).toMatchObject([{ path: 'bonus', code: 'TOO_MANY_BONUSES' }]);
  });

  it('does not limit special deductions, which fail the evaluation rather than the sheet', () => {
    const specialDeductions = Array.from({ length: 8 }, () => ({ reason: 'breach' }));
    expect(validateScoreSheet({ ...full, specialDeductions })).toEqual([]);
  });

  it('reports several problems at once', () => {
    const sheet = withScore(withScore(full, 'S1', 9), 'S2', 1.25);
    expect(codesOf(validateScoreSheet(sheet))).toEqual(['SCORE_OUT_OF_RANGE', 'SCORE_PRECISION']);
  });
});
