import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEME_VERSION,
  MAX_BONUS,
  MAX_SPECIAL_DEDUCTIONS_BEFORE_FAIL,
  PASS_MIN,
  SCHEME,
  type SchemeTable,
  SPECIAL_DEDUCTION_POINTS,
  STAR_LEVELS,
  schemeByVersion,
  schemeVersions,
  TOTAL_CAP,
} from '../../../shared/scheme';
import { schemeTableProblems } from '../../../shared/scheme/scheme-check';

const pointsOf = (code: string) => SCHEME.indicators.find((i) => i.code === code)?.points;

describe('the GB/T 27922 table', () => {
  it('is versioned', () => {
    expect(SCHEME.version).toBe('GB/T 27922-2011#1');
    expect(CURRENT_SCHEME_VERSION).toBe(SCHEME.version);
  });

  it('has the dimensions S 40, G 35, C 25 summing to 100', () => {
    expect(SCHEME.dimensions.map((d) => [d.code, d.points])).toEqual([
      ['S', 40],
      ['G', 35],
      ['C', 25],
    ]);
    expect(SCHEME.dimensions.reduce((s, d) => s + d.points, 0)).toBe(100);
  });

  it('has 15 second-level indicators, 7 + 6 + 2', () => {
    expect(SCHEME.indicators).toHaveLength(15);
    const count = (dim: string) => SCHEME.indicators.filter((i) => i.dimension === dim).length;
    expect([count('S'), count('G'), count('C')]).toEqual([7, 6, 2]);
    expect(new Set(SCHEME.indicators.map((i) => i.code)).size).toBe(15);
  });

  it('has indicators summing to their dimension', () => {
    for (const dim of SCHEME.dimensions) {
      const sum = SCHEME.indicators.filter((i) => i.dimension === dim.code).reduce((s, i) => s + i.points, 0);
      expect(sum, dim.code).toBe(dim.points);
    }
  });

  it('has the points of the GB/T 27922 indicator table row by row', () => {
    const expected = {
      S1: 4,
      S2: 6,
      S3: 6,
      S4: 6,
      S5: 7,
      S6: 5,
      S7: 6,
      G1: 6,
      G2: 6,
      G3: 4,
      G4: 10,
      G5: 7,
      G6: 2,
      C1: 15,
      C2: 10,
    };
    expect(Object.fromEntries(SCHEME.indicators.map((i) => [i.code, i.points]))).toEqual(expected);
  });

  it('splits S2 and S4 six and six, the least certain figure', () => {
    expect([pointsOf('S2'), pointsOf('S4')]).toEqual([6, 6]);
  });

  it('names every dimension and indicator in Chinese and English, with what is examined', () => {
    for (const row of [...SCHEME.dimensions, ...SCHEME.indicators]) {
      expect(row.zh.length, row.code).toBeGreaterThan(0);
      expect(row.en.length, row.code).toBeGreaterThan(0);
    }
    for (const i of SCHEME.indicators) {
      expect(i.examined.zh.length, i.code).toBeGreaterThan(0);
      expect(i.examined.en.length, i.code).toBeGreaterThan(0);
    }
    expect(SCHEME.indicators.find((i) => i.code === 'C2')?.zh).toBe('投诉处理');
  });

  it('cannot be edited at run time', () => {
    expect(Object.isFrozen(SCHEME)).toBe(true);
    expect(Object.isFrozen(SCHEME.indicators)).toBe(true);
    expect(Object.isFrozen(SCHEME.indicators[0])).toBe(true);
    expect(Object.isFrozen(STAR_LEVELS)).toBe(true);
  });
});

describe('schemeByVersion', () => {
  it('finds the table a sheet was scored against', () => {
    expect(schemeByVersion('GB/T 27922-2011#1')).toBe(SCHEME);
    expect(schemeVersions()).toContain(SCHEME.version);
  });

  it('returns undefined for an unknown version', () => {
    expect(schemeByVersion('GB/T 27922-2030#9')).toBeUndefined();
    expect(schemeByVersion('')).toBeUndefined();
  });
});

describe('star levels and rule constants', () => {
  it('are ordered from the highest level', () => {
    expect(STAR_LEVELS.map((l) => [l.level, l.min, l.stars, l.zh, l.en])).toEqual([
      ['five', 95, 5, '五星级', 'five-star'],
      ['four', 90, 4, '四星级', 'four-star'],
      ['three', 80, 3, '三星级', 'three-star'],
      ['compliant', 70, 0, '达标级', 'compliant'],
    ]);
  });

  it('match the scheme', () => {
    expect(MAX_SPECIAL_DEDUCTIONS_BEFORE_FAIL).toBe(5);
    expect(SPECIAL_DEDUCTION_POINTS).toBe(1);
    expect(MAX_BONUS).toBe(1);
    expect(TOTAL_CAP).toBe(100);
    expect(PASS_MIN).toBe(70);
  });
});

describe('the table self-check', () => {
  it('finds nothing wrong with the current table', () => {
    expect(schemeTableProblems(SCHEME, STAR_LEVELS, PASS_MIN)).toEqual([]);
  });

  it('reports an indicator moved to the wrong points', () => {
    const broken: SchemeTable = {
      ...SCHEME,
      indicators: SCHEME.indicators.map((i) => (i.code === 'S2' ? { ...i, points: 7 } : i)),
    };
    expect(schemeTableProblems(broken, STAR_LEVELS, PASS_MIN)).toEqual(['indicators of S sum to 41, not 40']);
  });

  it('reports dimensions not summing to 100, duplicates and unordered levels', () => {
    const broken: SchemeTable = {
      ...SCHEME,
      dimensions: SCHEME.dimensions.map((d) => (d.code === 'C' ? { ...d, points: 30 } : d)),
      indicators: [...SCHEME.indicators, SCHEME.indicators[0]!],
    };
    const problems = schemeTableProblems(broken, [...STAR_LEVELS].reverse(), PASS_MIN);
    expect(problems).toContain('dimension points sum to 105, not 100');
    expect(problems).toContain('indicator S1 is listed twice');
    expect(problems).toContain('star levels are not ordered from the highest');
  });
});
