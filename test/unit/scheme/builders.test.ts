import { describe, expect, it } from 'vitest';
import {
  blankScoreSheet,
  fullMarksScoreSheet,
  SCHEME,
  scoreTotal,
  sheetWithTotal,
  validateScoreSheet,
} from '../../../shared/scheme';

describe('blankScoreSheet', () => {
  it('lists every indicator of the current table, unscored', () => {
    const sheet = blankScoreSheet();
    expect(sheet.schemeVersion).toBe(SCHEME.version);
    expect(sheet.indicators).toEqual(SCHEME.indicators.map((i) => ({ code: i.code })));
    expect(sheet).toMatchObject({ specialDeductions: [], bonus: null });
  });

  it('takes an explicit known version', () => {
    expect(blankScoreSheet(SCHEME.version).schemeVersion).toBe(SCHEME.version);
  });

  it('refuses an unknown version', () => {
    expect(() => blankScoreSheet('no such version')).toThrow(RangeError);
  });

  it('returns a fresh sheet each time, safe to fill in', () => {
    const a = blankScoreSheet();
    a.indicators[0]!.score = 1;
    expect(blankScoreSheet().indicators[0]).toEqual({ code: 'S1' });
  });
});

describe('fullMarksScoreSheet', () => {
  it('gives every indicator its points', () => {
    const sheet = fullMarksScoreSheet();
    expect(validateScoreSheet(sheet)).toEqual([]);
    expect(sheet.indicators.map((e) => e.score)).toEqual(SCHEME.indicators.map((i) => i.points));
  });
});

describe('sheetWithTotal', () => {
  it('builds a valid sheet with exactly the target total for every tenth from 0 to 100', () => {
    for (let tenths = 0; tenths <= 1000; tenths++) {
      const target = tenths / 10;
      const sheet = sheetWithTotal(target);
      expect(validateScoreSheet(sheet), String(target)).toEqual([]);
      expect(scoreTotal(sheet).total, String(target)).toBe(target);
    }
  });

  it('uses no exclusions, deductions or bonus', () => {
    const sheet = sheetWithTotal(87.3);
    expect(sheet.indicators.every((e) => e.excluded === undefined && typeof e.score === 'number')).toBe(true);
    expect(sheet).toMatchObject({ specialDeductions: [], bonus: null });
  });

  it('spreads the lost points over indicators rather than zeroing one', () => {
    const sheet = sheetWithTotal(80);
    const short = sheet.indicators.filter((e, i) => e.score! < SCHEME.indicators[i]!.points);
    expect(short.length).toBe(SCHEME.indicators.length);
  });

  it('is deterministic', () => {
    expect(sheetWithTotal(91.7)).toEqual(sheetWithTotal(91.7));
  });

  it.each([-0.1, 100.1, 90.05, Number.NaN, Number.POSITIVE_INFINITY])('refuses the target %s', (target) => {
    expect(() => sheetWithTotal(target)).toThrow(RangeError);
  });
});
