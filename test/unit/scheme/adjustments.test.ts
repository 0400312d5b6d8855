import { describe, expect, it } from 'vitest';
import { InvalidScoreSheetError, type ScoreSheet, scoreTotal, sheetWithTotal } from '../../../shared/scheme';
import { withBonus, withDeductions } from './helpers';

describe('special deductions (特别扣分项)', () => {
  it('takes one point off the total for each', () => {
    expect(scoreTotal(withDeductions(sheetWithTotal(91), 1))).toMatchObject({ total: 90, level: 'four' });
    expect(scoreTotal(withDeductions(sheetWithTotal(90.9), 1))).toMatchObject({ total: 89.9, level: 'three' });
  });

  it('still passes with four deductions when the score allows', () => {
    const result = scoreTotal(withDeductions(sheetWithTotal(100), 4));
    expect(result).toMatchObject({ normalized: 100, specialDeductions: 4, total: 96, level: 'five', passed: true });
  });

  it('fails with four deductions when they take the total below 70', () => {
    const result = scoreTotal(withDeductions(sheetWithTotal(73.9), 4));
    expect(result).toMatchObject({ total: 69.9, passed: false, failReason: 'BELOW_THRESHOLD' });
  });

  it('fails with five deductions even at 100', () => {
    const result = scoreTotal(withDeductions(sheetWithTotal(100), 5));
    expect(result).toMatchObject({ total: 95, level: null, passed: false, failReason: 'TOO_MANY_SPECIAL_DEDUCTIONS' });
  });

  it('fails with five deductions even with a bonus', () => {
    const result = scoreTotal(withBonus(withDeductions(sheetWithTotal(100), 5)));
    expect(result).toMatchObject({ level: null, failReason: 'TOO_MANY_SPECIAL_DEDUCTIONS' });
  });

  it('names too many deductions as the reason even when the score is also too low', () => {
    expect(scoreTotal(withDeductions(sheetWithTotal(50), 6)).failReason).toBe('TOO_MANY_SPECIAL_DEDUCTIONS');
  });

  it('never takes the total below 0', () => {
    expect(scoreTotal(withDeductions(sheetWithTotal(2), 4)).total).toBe(0);
  });
});

describe('special bonus', () => {
  it('is capped at 100', () => {
    expect(scoreTotal(withBonus(sheetWithTotal(100)))).toMatchObject({ bonus: 1, total: 100 });
    expect(scoreTotal(withBonus(sheetWithTotal(99.5)))).toMatchObject({ total: 100 });
  });

  it('can lift 94.x to 95.x, to five-star', () => {
    expect(scoreTotal(withBonus(sheetWithTotal(94.5)))).toMatchObject({ total: 95.5, level: 'five' });
    expect(scoreTotal(withBonus(sheetWithTotal(94)))).toMatchObject({ total: 95, level: 'five' });
  });

  it('can lift 69.0 to a pass', () => {
    expect(scoreTotal(withBonus(sheetWithTotal(69)))).toMatchObject({ total: 70, level: 'compliant', passed: true });
  });

  it('is zero when no bonus is given', () => {
    expect(scoreTotal(sheetWithTotal(80)).bonus).toBe(0);
    expect(scoreTotal({ ...sheetWithTotal(80), bonus: undefined }).bonus).toBe(0);
  });

  it('is given at most once', () => {
    const twice = { ...sheetWithTotal(80), bonus: [{ reason: 'a' }, { reason: 'b' }] } as unknown as ScoreSheet;
    expect(() => scoreTotal(twice)).toThrow(InvalidScoreSheetError);
  });
});
