import { describe, expect, it } from 'vitest';
import { bandOf, compareLevels, levelLabel, scoreBandFor, starLevelFor, starsFor } from '../../../shared/scheme';

describe('starLevelFor', () => {
  it.each([
    [100, 'five'],
    [95, 'five'],
    [94.9, 'four'],
    [90, 'four'],
    [89.9, 'three'],
    [80, 'three'],
    [79.9, 'compliant'],
    [70, 'compliant'],
  ] as const)('gives %s → %s', (total, level) => {
    expect(starLevelFor(total)).toBe(level);
  });

  it.each([69.9, 50, 0])('gives no level at %s', (total) => {
    expect(starLevelFor(total)).toBeNull();
  });

  it('reads float noise from arithmetic as the one-decimal total it stands for', () => {
    expect(starLevelFor(89.99999999)).toBe('four');
    expect(starLevelFor(0.1 * 3 * 300)).toBe('four'); // 90.00000000000001
    expect(starLevelFor((84.6 / 94) * 100)).toBe('four'); // 89.99999999999999
    expect(starLevelFor(69.99999999)).toBe('compliant');
    expect(starLevelFor(79.90000001)).toBe('compliant');
  });

  it('gives no level for a total that is not a number', () => {
    expect(starLevelFor(Number.NaN)).toBeNull();
    expect(starLevelFor(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('scoreBandFor', () => {
  it.each([
    [100, '95–100'],
    [95, '95–100'],
    [94.9, '90–94.9'],
    [90, '90–94.9'],
    [89.9, '80–89.9'],
    [80, '80–89.9'],
    [79.9, '70–79.9'],
    [70, '70–79.9'],
  ])('shows %s publicly as %s', (total, band) => {
    expect(scoreBandFor(total)).toBe(band);
  });

  it('has no band for a failing total', () => {
    expect(scoreBandFor(69.9)).toBeNull();
  });

  it('gives the band of a level', () => {
    expect(bandOf('four')).toBe('90–94.9');
  });
});

describe('levelLabel', () => {
  it('names levels in Chinese and English', () => {
    expect(levelLabel('five', 'zh')).toBe('五星级');
    expect(levelLabel('four', 'en')).toBe('four-star');
    expect(levelLabel('three', 'zh')).toBe('三星级');
    expect(levelLabel('compliant', 'zh')).toBe('达标级');
    expect(levelLabel('compliant', 'en')).toBe('compliant');
  });

  it('names a failed evaluation', () => {
    expect(levelLabel(null, 'zh')).toBe('不通过');
    expect(levelLabel(null, 'en')).toBe('fail');
  });
});

describe('starsFor', () => {
  it('gives compliant a mark without stars', () => {
    expect(['five', 'four', 'three', 'compliant'].map((l) => starsFor(l as 'five'))).toEqual([5, 4, 3, 0]);
  });
});

describe('compareLevels', () => {
  it('is positive when the first level is higher (surveillance raises)', () => {
    expect(compareLevels('five', 'four')).toBeGreaterThan(0);
    expect(compareLevels('three', 'compliant')).toBeGreaterThan(0);
    expect(compareLevels('compliant', null)).toBeGreaterThan(0);
  });

  it('is negative when the first level is lower (surveillance lowers)', () => {
    expect(compareLevels('compliant', 'five')).toBeLessThan(0);
    expect(compareLevels(null, 'compliant')).toBeLessThan(0);
  });

  it('is zero for the same level (surveillance keeps)', () => {
    expect(compareLevels('four', 'four')).toBe(0);
    expect(compareLevels(null, null)).toBe(0);
  });

  it('sorts levels from the highest', () => {
    const sorted = (['three', 'five', 'compliant', 'four'] as const).slice().sort((a, b) => compareLevels(b, a));
    expect(sorted).toEqual(['five', 'four', 'three', 'compliant']);
  });

  it('refuses an unknown level', () => {
    expect(() => compareLevels('six' as 'five', 'five')).toThrow(RangeError);
  });
});
