import { describe, expect, it } from 'vitest';
import { fullMarksScoreSheet, InvalidScoreSheetError, scoreTotal, sheetWithTotal } from '../../../shared/scheme';
import { withBonus, withDeductions, withExcluded, withScore } from './helpers';

describe('star level boundaries on real score sheets', () => {
  it.each([
    [100, 'five'],
    [95, 'five'],
    [94.9, 'four'],
    [90, 'four'],
    [89.9, 'three'],
    [80, 'three'],
    [79.9, 'compliant'],
    [70, 'compliant'],
  ] as const)('gives %s points the %s level', (total, level) => {
    const result = scoreTotal(sheetWithTotal(total));
    expect(result.total).toBe(total);
    expect(result.level).toBe(level);
    expect(result.passed).toBe(true);
    expect(result.failReason).toBeNull();
  });

  it('gives four-star at exactly 90.0', () => {
    expect(scoreTotal(sheetWithTotal(90)).level).toBe('four');
  });

  it('fails at 69.9, below the threshold', () => {
    const result = scoreTotal(sheetWithTotal(69.9));
    expect(result).toMatchObject({ total: 69.9, level: null, passed: false, failReason: 'BELOW_THRESHOLD' });
  });

  it('fails with zero points', () => {
    expect(scoreTotal(sheetWithTotal(0))).toMatchObject({ total: 0, level: null, failReason: 'BELOW_THRESHOLD' });
  });

  it('adds one-decimal scores without float drift', () => {
    // These scores add up to 90.0, but summing them as floats gives 89.99999999999999.
    const scores = [3.2, 5.2, 5.4, 5.4, 6.6, 4.2, 4.7, 5.3, 5.6, 3.4, 9.5, 6.5, 1.6, 14.1, 9.3];
    expect(scores.reduce((a, b) => a + b, 0)).toBeLessThan(90);
    const sheet = fullMarksScoreSheet();
    sheet.indicators.forEach((e, i) => {
      e.score = scores[i];
    });
    expect(scoreTotal(sheet)).toMatchObject({ earned: 90, total: 90, level: 'four' });
  });
});

describe('full marks', () => {
  it('scores 100 with every dimension full', () => {
    const result = scoreTotal(fullMarksScoreSheet());
    expect(result).toMatchObject({ earned: 100, applicablePoints: 100, normalized: 100, total: 100, level: 'five' });
    expect(result.dimensions).toEqual([
      { code: 'S', earned: 40, applicable: 40 },
      { code: 'G', earned: 35, applicable: 35 },
      { code: 'C', earned: 25, applicable: 25 },
    ]);
  });
});

describe('exclusions (删减) normalize the score', () => {
  const withoutDeliveryAndRecycling = withExcluded(fullMarksScoreSheet(), 'G3', 'G6');

  it('scores 100 when every applicable indicator is full', () => {
    const result = scoreTotal(withoutDeliveryAndRecycling);
    expect(result).toMatchObject({ earned: 94, applicablePoints: 94, normalized: 100, total: 100, level: 'five' });
    expect(result.dimensions[1]).toEqual({ code: 'G', earned: 29, applicable: 29 });
  });

  it('gives exactly 90.0 for 84.6 of 94 points, where float division gives 89.99999999999999', () => {
    const sheet = withScore(withoutDeliveryAndRecycling, 'C1', 15 - 9.4);
    const result = scoreTotal(sheet);
    expect(result).toMatchObject({ earned: 84.6, applicablePoints: 94, normalized: 90, total: 90, level: 'four' });
  });

  it('lowers the level when the raw points look higher: 84.5 of 94 is 89.9', () => {
    const sheet = withScore(withoutDeliveryAndRecycling, 'C1', 15 - 9.5);
    expect(scoreTotal(sheet)).toMatchObject({ earned: 84.5, normalized: 89.9, level: 'three' });
  });

  it('rounds the normalized score half up to one decimal (71.4 of 80 = 89.25 → 89.3)', () => {
    let sheet = withExcluded(fullMarksScoreSheet(), 'G4', 'C2');
    sheet = withScore(sheet, 'C1', 15 - 8.6);
    expect(scoreTotal(sheet)).toMatchObject({ earned: 71.4, applicablePoints: 80, normalized: 89.3 });
  });

  it('rounds down below the half (80 of 94 = 85.106… → 85.1)', () => {
    const sheet = withScore(withScore(withoutDeliveryAndRecycling, 'C1', 5), 'G4', 6);
    expect(scoreTotal(sheet)).toMatchObject({ earned: 80, normalized: 85.1 });
  });

  it('still applies deductions and bonus after normalizing', () => {
    const sheet = withBonus(withDeductions(withoutDeliveryAndRecycling, 3));
    expect(scoreTotal(sheet)).toMatchObject({ normalized: 100, specialDeductions: 3, bonus: 1, total: 98 });
  });
});

describe('scoring an invalid sheet', () => {
  it('throws with the issues rather than publishing a wrong level', () => {
    const sheet = withScore(sheetWithTotal(90), 'G6', 3);
    try {
      scoreTotal(sheet);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidScoreSheetError);
      expect((error as InvalidScoreSheetError).issues.map((i) => i.code)).toEqual(['SCORE_OUT_OF_RANGE']);
    }
  });

  it('refuses a sheet of an unknown scheme version', () => {
    expect(() => scoreTotal({ ...sheetWithTotal(90), schemeVersion: 'nope' })).toThrow(/unknown scheme version/);
  });
});
