// Turns a valid score sheet into the total and level printed on a certificate.
import {
  BONUS_POINTS,
  MAX_BONUS,
  MAX_SPECIAL_DEDUCTIONS_BEFORE_FAIL,
  type SchemeTable,
  SPECIAL_DEDUCTION_POINTS,
  schemeByVersion,
  TOTAL_CAP,
} from './indicators';
import { starLevelFor } from './levels';
import type { DimensionResult, FailReason, ScoreResult, ScoreSheet, ScoreSheetIssue } from './score-sheet';
import { divideToTenths, fromTenths, toTenths } from './tenths';
import { bonusCount, validateScoreSheet } from './validate';

/** Thrown by scoreTotal: grading an incomplete or broken sheet would publish a wrong level. */
export class InvalidScoreSheetError extends Error {
  readonly issues: ScoreSheetIssue[];

  constructor(issues: ScoreSheetIssue[]) {
    super(`score sheet is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidScoreSheetError';
    this.issues = issues;
  }
}

export function scoreTotal(sheet: ScoreSheet): ScoreResult {
  const issues = validateScoreSheet(sheet);
  if (issues.length > 0) throw new InvalidScoreSheetError(issues);
  // validateScoreSheet has refused unknown versions.
  const scheme = schemeByVersion(sheet.schemeVersion) as SchemeTable;

  const dimensions = tallyDimensions(scheme, sheet);
  const earnedTenths = dimensions.reduce((sum, d) => sum + d.earnedTenths, 0);
  const applicablePoints = dimensions.reduce((sum, d) => sum + d.applicable, 0);
  // earned/applicable × 100, expressed in tenths: (earnedTenths / 10) / applicable × 100 × 10.
  const normalizedTenths = divideToTenths(earnedTenths * 100, applicablePoints);

  const deductionCount = sheet.specialDeductions.length;
  const deductionTenths = deductionCount * toTenths(SPECIAL_DEDUCTION_POINTS);
  const bonusTenths = Math.min(bonusCount(sheet.bonus), MAX_BONUS) * toTenths(BONUS_POINTS);
  const totalTenths = clamp(normalizedTenths - deductionTenths + bonusTenths, 0, toTenths(TOTAL_CAP));
  const total = fromTenths(totalTenths);

  const tooManyDeductions = deductionCount >= MAX_SPECIAL_DEDUCTIONS_BEFORE_FAIL;
  const level = tooManyDeductions ? null : starLevelFor(total);
  const failReason: FailReason | null = tooManyDeductions
    ? 'TOO_MANY_SPECIAL_DEDUCTIONS'
    : level === null
      ? 'BELOW_THRESHOLD'
      : null;

  return {
    earned: fromTenths(earnedTenths),
    applicablePoints,
    normalized: fromTenths(normalizedTenths),
    specialDeductions: fromTenths(deductionTenths),
    bonus: fromTenths(bonusTenths),
    total,
    level,
    passed: failReason === null,
    failReason,
    dimensions: dimensions.map(({ code, earnedTenths: e, applicable }) => ({
      code,
      earned: fromTenths(e),
      applicable,
    })),
  };
}

type DimensionTally = Omit<DimensionResult, 'earned'> & { earnedTenths: number };

function tallyDimensions(scheme: SchemeTable, sheet: ScoreSheet): DimensionTally[] {
  const entries = new Map(sheet.indicators.map((e) => [e.code, e]));
  return scheme.dimensions.map((dimension) => {
    let earnedTenths = 0;
    let applicable = 0;
    for (const def of scheme.indicators) {
      if (def.dimension !== dimension.code) continue;
      const entry = entries.get(def.code);
      if (!entry || entry.excluded === true) continue;
      applicable += def.points;
      earnedTenths += toTenths(entry.score ?? 0);
    }
    return { code: dimension.code, earnedTenths, applicable };
  });
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
