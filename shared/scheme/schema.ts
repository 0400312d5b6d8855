// Wire validation of a score sheet: shape and bounds first (so hostile input stays small),
// then the scheme rules, whose stable codes travel in `params.code` for the UI to translate.
import { z } from 'zod';
import type { ScoreSheet } from './score-sheet';
import { validateScoreSheet } from './validate';

export const MAX_TEXT_LENGTH = 2000;
export const MAX_INDICATOR_ENTRIES = 50;
export const MAX_SPECIAL_DEDUCTION_ENTRIES = 20;
const MAX_CODE_LENGTH = 100;
const MAX_BONUS_LIST_LENGTH = 20;

const reasonSchema = z.object({ reason: z.string().trim().min(1).max(MAX_TEXT_LENGTH) });

const indicatorScoreSchema = z.object({
  code: z.string().trim().min(1).max(MAX_CODE_LENGTH),
  // z.number() already refuses NaN and ±Infinity; range is a scheme rule, reported below.
  score: z.number().optional(),
  excluded: z.boolean().optional(),
  note: z.string().max(MAX_TEXT_LENGTH).optional(),
});

// A list is accepted only so that several bonuses are reported as TOO_MANY_BONUSES rather
// than as a bare type error; a one-element list is unwrapped to the single bonus.
const bonusSchema = z.union([reasonSchema, z.array(reasonSchema).max(MAX_BONUS_LIST_LENGTH)]).nullable().optional();

export const scoreSheetSchema = z
  .object({
    schemeVersion: z.string().trim().min(1).max(MAX_CODE_LENGTH),
    indicators: z.array(indicatorScoreSchema).max(MAX_INDICATOR_ENTRIES),
    specialDeductions: z.array(reasonSchema).max(MAX_SPECIAL_DEDUCTION_ENTRIES),
    bonus: bonusSchema,
  })
  .superRefine((sheet, ctx) => {
    for (const issue of validateScoreSheet(sheet as ScoreSheet)) {
      ctx.addIssue({ code: 'custom', path: toZodPath(issue.path), message: issue.message, params: { code: issue.code } });
    }
  })
  .transform((sheet): ScoreSheet => {
    const { bonus, ...rest } = sheet;
    const single = Array.isArray(bonus) ? (bonus[0] ?? null) : bonus;
    return single === undefined ? rest : { ...rest, bonus: single };
  });

export type ScoreSheetInput = z.input<typeof scoreSheetSchema>;

/** 'indicators.3.score' → ['indicators', 3, 'score'], the form zod and form libraries expect. */
function toZodPath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
