/** Inputs of the certificate's staff endpoints. */

import { CHANGE_FIELDS, CHANGE_KINDS, CHANGE_REASON_CATEGORIES } from '../model';
import { PASS_MIN, roundToTenth, scoreSheetSchema, TOTAL_CAP } from '../scheme';
import { starLevelSchema } from '../search/schema';
import * as z from '../zod';
import { isoDate, optionalNote, reason, subject, text } from './common';

export const recordSurveillanceSchema = z.strictObject({
  auditDate: isoDate,
  scoreSheet: scoreSheetSchema,
  /** The evaluator may suspend for cause found on site, whatever the score. */
  suspendForCause: z.optional(reason),
  note: optionalNote,
});

export const postponeSurveillanceSchema = z.strictObject({ until: isoDate, reason });
export const certificateReasonSchema = z.strictObject({ reason });

/** The committee confirms a surveillance result that changes the level or fails; a note is optional. */
export const approveSurveillanceSchema = z.strictObject({ note: optionalNote });
/** Refusing a result needs its reason: the audit does not count and a new one is needed. */
export const refuseSurveillanceSchema = z.strictObject({ reason });
export const assignCertificateEvaluatorSchema = z.strictObject({ evaluatorSub: subject });

/**
 * A change of the certificate's record (变更): what kind, the new value (the field is the kind's own unless an erratum
 * or a rename of the English name says which), the public reason category and the documented reason.
 */
export const changeRequestSchema = z.strictObject({
  kind: z.enum(CHANGE_KINDS),
  field: z.optional(z.enum(CHANGE_FIELDS)),
  to: text(500),
  reasonCategory: z.enum(CHANGE_REASON_CATEGORIES),
  reason,
});
export const approveChangeSchema = z.strictObject({ note: optionalNote });
export const refuseChangeSchema = z.strictObject({ reason });
/** The evaluator's review of a scope extension: when it was held and what it found. */
export const reviewScopeExtensionSchema = z.strictObject({ reviewDate: isoDate, note: optionalNote });

/**
 * The level an appeal against the level decision found, with the total it stands on (one decimal, as a sheet's): the
 * scheme's own level for that total is the only one taken (shared/lifecycle/level-appeal.ts).
 */
export const setLevelOnAppealSchema = z.strictObject({
  level: starLevelSchema,
  score: z.number().check(
    z.minimum(PASS_MIN),
    z.maximum(TOTAL_CAP),
    z.refine((n: number) => roundToTenth(n) === n, { message: 'a score has one decimal at most' }),
  ),
  reason,
});
