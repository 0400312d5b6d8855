/** Inputs of the certificate's staff endpoints. */

import { scoreSheetSchema } from '../scheme';
import * as z from '../zod';
import { isoDate, optionalNote, reason } from './common';

export const recordSurveillanceSchema = z.strictObject({
  auditDate: isoDate,
  scoreSheet: scoreSheetSchema,
  /** The evaluator may suspend for cause found on site, whatever the score. */
  suspendForCause: z.optional(reason),
  note: optionalNote,
});

export const postponeSurveillanceSchema = z.strictObject({ until: isoDate, reason });
export const certificateReasonSchema = z.strictObject({ reason });
