/** Inputs of the certificate's staff endpoints. */
import { z } from 'zod';
import { scoreSheetSchema } from '../scheme';
import { isoDate, optionalNote, reason } from './common';

export const recordSurveillanceSchema = z
  .object({
    auditDate: isoDate,
    scoreSheet: scoreSheetSchema,
    /** The evaluator may suspend for cause found on site, whatever the score. */
    suspendForCause: reason.optional(),
    note: optionalNote,
  })
  .strict();

export const postponeSurveillanceSchema = z.object({ until: isoDate, reason }).strict();
export const certificateReasonSchema = z.object({ reason }).strict();
