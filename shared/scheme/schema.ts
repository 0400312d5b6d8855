// Wire validation of a score sheet: shape and bounds first (so hostile input stays small),
// then the scheme rules, whose stable codes travel in `params.code` for the UI to translate.
import * as z from '../zod';
import type { ScoreSheet } from './score-sheet';
import { validateScoreSheet } from './validate';

export const MAX_TEXT_LENGTH = 2000;
export const MAX_INDICATOR_ENTRIES = 50;
export const MAX_SPECIAL_DEDUCTION_ENTRIES = 20;
const MAX_CODE_LENGTH = 100;
const MAX_BONUS_LIST_LENGTH = 20;

const boundedCode = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_CODE_LENGTH));

const reasonSchema = z.object({ reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TEXT_LENGTH)) });

const indicatorScoreSchema = z.object({
  code: boundedCode(),
  // z.number() already refuses NaN and ±Infinity; range is a scheme rule, reported below.
  score: z.optional(z.number()),
  excluded: z.optional(z.boolean()),
  note: z.optional(z.string().check(z.maxLength(MAX_TEXT_LENGTH))),
});

// A list is accepted only so that several bonuses are reported as TOO_MANY_BONUSES rather
// than as a bare type error; a one-element list is unwrapped to the single bonus.
const bonusSchema = z.optional(
  z.nullable(z.union([reasonSchema, z.array(reasonSchema).check(z.maxLength(MAX_BONUS_LIST_LENGTH))])),
);

const scoreSheetShape = z
  .object({
    schemeVersion: boundedCode(),
    indicators: z.array(indicatorScoreSchema).check(z.maxLength(MAX_INDICATOR_ENTRIES)),
    specialDeductions: z.array(reasonSchema).check(z.maxLength(MAX_SPECIAL_DEDUCTION_ENTRIES)),
    bonus: bonusSchema,
  })
  .check(
    z.superRefine((sheet, ctx) => {
      for (const issue of validateScoreSheet(sheet as ScoreSheet)) {
        ctx.addIssue({
          code: 'custom',
          path: toZodPath(issue.path),
          message: issue.message,
          params: { code: issue.code },
        });
      }
    }),
  );

export const scoreSheetSchema = z.pipe(
  scoreSheetShape,
  z.transform((sheet: z.output<typeof scoreSheetShape>): ScoreSheet => {
    const { bonus, ...rest } = sheet;
    const single = Array.isArray(bonus) ? (bonus[0] ?? null) : bonus;
    return single === undefined ? rest : { ...rest, bonus: single };
  }),
);

/** A score sheet as the registry keeps and answers it: the bonus, if any, single (as the transform above leaves it). */
export const scoreSheetRecordSchema = z.object({
  schemeVersion: z.string(),
  indicators: z.array(indicatorScoreSchema),
  specialDeductions: z.array(reasonSchema),
  bonus: z.optional(z.nullable(reasonSchema)),
});

export type ScoreSheetInput = z.input<typeof scoreSheetSchema>;

/** 'indicators.3.score' → ['indicators', 3, 'score'], the form zod and form libraries expect. */
function toZodPath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
