// The rules a score sheet must meet before it can be scored. Shape (types, lengths) is the
// zod layer's job; this checks the sheet against the table version it names.
import { type IndicatorDef, MAX_BONUS, schemeByVersion } from './indicators';
import type { ScoreSheet, ScoreSheetIssue } from './score-sheet';
import { hasAtMostOneDecimal } from './tenths';

/** Counts bonuses defensively: callers bypassing the zod layer may send an array. */
export function bonusCount(bonus: unknown): number {
  if (bonus === null || bonus === undefined) return 0;
  return Array.isArray(bonus) ? bonus.length : 1;
}

export function validateScoreSheet(sheet: ScoreSheet): ScoreSheetIssue[] {
  const issues: ScoreSheetIssue[] = [];
  if (bonusCount(sheet.bonus) > MAX_BONUS) {
    issues.push({
      path: 'bonus',
      code: 'TOO_MANY_BONUSES',
      message: `at most ${MAX_BONUS} special bonus may be awarded`,
    });
  }

  const scheme = schemeByVersion(sheet.schemeVersion);
  if (!scheme) {
    // Without the table nothing else can be judged; more issues would only be noise.
    issues.push({
      path: 'schemeVersion',
      code: 'SCHEME_VERSION_UNKNOWN',
      message: `unknown scheme version "${sheet.schemeVersion}"`,
    });
    return issues;
  }

  const byCode = new Map<string, IndicatorDef>(scheme.indicators.map((d) => [d.code, d]));
  const seen = new Set<string>();
  const excluded = new Set<string>();

  sheet.indicators.forEach((entry, i) => {
    const path = `indicators.${i}`;
    const def = byCode.get(entry.code);
    if (!def) {
      issues.push({
        path: `${path}.code`,
        code: 'INDICATOR_UNKNOWN',
        message: `"${entry.code}" is not an indicator of ${scheme.version}`,
      });
      return;
    }
    if (seen.has(def.code)) {
      issues.push({ path: `${path}.code`, code: 'INDICATOR_DUPLICATE', message: `${def.code} appears more than once` });
      return;
    }
    seen.add(def.code);

    const hasScore = entry.score !== undefined && entry.score !== null;
    if (hasScore && entry.excluded === true) {
      issues.push({ path, code: 'SCORE_AND_EXCLUDED', message: `${def.code} is both scored and excluded` });
      return;
    }
    if (entry.excluded === true) {
      excluded.add(def.code);
      return;
    }
    if (!hasScore) {
      issues.push({ path, code: 'INDICATOR_MISSING', message: `${def.code} is neither scored nor excluded` });
      return;
    }
    issues.push(...scoreIssues(entry.score, def, `${path}.score`));
  });

  for (const def of scheme.indicators) {
    if (!seen.has(def.code)) {
      issues.push({ path: 'indicators', code: 'INDICATOR_MISSING', message: `${def.code} is missing from the sheet` });
    }
  }
  if (excluded.size === scheme.indicators.length) {
    issues.push({
      path: 'indicators',
      code: 'ALL_EXCLUDED',
      message: 'every indicator is excluded; nothing can be scored',
    });
  }
  return issues;
}

function scoreIssues(score: unknown, def: IndicatorDef, path: string): ScoreSheetIssue[] {
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > def.points) {
    return [{ path, code: 'SCORE_OUT_OF_RANGE', message: `${def.code} must be scored from 0 to ${def.points}` }];
  }
  if (!hasAtMostOneDecimal(score)) {
    return [{ path, code: 'SCORE_PRECISION', message: `${def.code} score ${score} has more than one decimal place` }];
  }
  return [];
}

/** Complete means ready to score: every indicator scored or excluded and no rule broken. */
export function isScoreSheetComplete(sheet: ScoreSheet): boolean {
  return validateScoreSheet(sheet).length === 0;
}
