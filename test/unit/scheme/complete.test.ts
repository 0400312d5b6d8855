import { describe, expect, it } from 'vitest';
import { blankScoreSheet, fullMarksScoreSheet, isScoreSheetComplete } from '../../../shared/scheme';
import { withExcluded, withScore } from './helpers';

const full = fullMarksScoreSheet();

describe('isScoreSheetComplete', () => {
  it('is false for a blank sheet', () => {
    expect(isScoreSheetComplete(blankScoreSheet())).toBe(false);
  });

  it('is true for a fully scored sheet', () => {
    expect(isScoreSheetComplete(full)).toBe(true);
  });

  it('is true when the rest is scored and some indicators are excluded', () => {
    expect(isScoreSheetComplete(withExcluded(full, 'G6'))).toBe(true);
  });

  it('is false while any indicator is still unscored', () => {
    const sheet = { ...full, indicators: full.indicators.map((e) => (e.code === 'C2' ? { code: 'C2' } : e)) };
    expect(isScoreSheetComplete(sheet)).toBe(false);
  });

  it('is false for a sheet that breaks a rule', () => {
    expect(isScoreSheetComplete(withScore(full, 'C1', 16))).toBe(false);
  });
});
