// Small edits on score sheets so each test states only what differs from a plain sheet.
import type { ScoreSheet } from '../../../shared/scheme';

export function withScore(sheet: ScoreSheet, code: string, score: number): ScoreSheet {
  return { ...sheet, indicators: sheet.indicators.map((e) => (e.code === code ? { code, score } : e)) };
}

export function withExcluded(sheet: ScoreSheet, ...codes: string[]): ScoreSheet {
  return {
    ...sheet,
    indicators: sheet.indicators.map((e) => (codes.includes(e.code) ? { code: e.code, excluded: true } : e)),
  };
}

export function withDeductions(sheet: ScoreSheet, count: number): ScoreSheet {
  const specialDeductions = Array.from({ length: count }, (_, i) => ({ reason: `breach ${i + 1}` }));
  return { ...sheet, specialDeductions };
}

export function withBonus(sheet: ScoreSheet): ScoreSheet {
  return { ...sheet, bonus: { reason: 'industry-leading repair network' } };
}

export function codesOf(issues: { code: string }[]): string[] {
  return issues.map((i) => i.code);
}
