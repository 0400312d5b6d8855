/** Inputs of the certificate's staff endpoints. */

import { scoreSheetSchema } from '../scheme';
import * as z from '../zod';
import { isoDate, optionalNote, reason, subject } from './common';

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
