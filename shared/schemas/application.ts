/** Inputs of the application's endpoints: one schema each, shared by the functions, the console and OpenAPI. */

import { creditCodeSchema } from '../credit-code';
import { APPLICATION_STATES, CASE_QUEUES, SERVICE_DOCUMENT_KINDS } from '../model';
import { scoreSheetSchema } from '../scheme';
import * as z from '../zod';
import { applicationId, certificateNumber, isoDate, optionalNote, reason, subject, text, visibleName } from './common';

export const organizationSchema = z.strictObject({
  name: visibleName(200),
  nameEn: z.optional(visibleName(200)),
  creditCode: creditCodeSchema,
  address: z.optional(text(300)),
});

export const serviceDocumentSchema = z.strictObject({
  name: text(200),
  kind: z.enum(SERVICE_DOCUMENT_KINDS),
  sha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  note: optionalNote,
});

const documentList = () => z.array(serviceDocumentSchema).check(z.maxLength(50));

export const submitApplicationSchema = z.strictObject({
  organization: organizationSchema,
  scope: text(500),
  operatingSince: isoDate,
  documents: z._default(documentList(), []),
});

export const submitRenewalSchema = z.strictObject({
  certificateNumber,
  scope: z.optional(text(500)),
  documents: z._default(documentList(), []),
});

export const acceptSchema = z.strictObject({ evaluatorSub: subject, contractNo: text(64) });
/** Another evaluator for a case under review: who, and why the case changes hands (kept in its audit trail). */
export const reassignEvaluatorSchema = z.strictObject({ evaluatorSub: subject, reason });
/** The assigned evaluator steps aside from a case: why (a link to the organization, a prior engagement, …). */
export const declareConflictSchema = z.strictObject({ reason });
export const documentReviewSchema = z.strictObject({ note: optionalNote });
export const returnForRevisionSchema = z.strictObject({ reason });
export const resubmitSchema = z.strictObject({ note: optionalNote, documents: z.optional(documentList()) });
export const onSiteReviewSchema = z.strictObject({
  reviewDate: isoDate,
  scoreSheet: scoreSheetSchema,
  note: optionalNote,
});
/** The committee member who is to decide a scored case; a change of member says why. */
export const assignCommitteeSchema = z.strictObject({ committeeSub: subject, reason: z.optional(reason) });
export const approveSchema = z.strictObject({ reason: z.optional(reason) });
export const rejectSchema = z.strictObject({ reason });
export const reopenOnAppealSchema = z.strictObject({ reason });
/** Why a reopened case below the pass mark goes back to its evaluator for a new on-site review. */
export const returnForReassessmentSchema = z.strictObject({ reason });
export const issueSchema = z.strictObject({});
export const withdrawApplicationSchema = z.strictObject({ reason: z.optional(reason) });

export const applicationListQuerySchema = z.strictObject({
  state: z.optional(z.enum(APPLICATION_STATES)),
  /** Whose queue (shared/lifecycle/queues.ts): every case, the caller's as evaluator, or the caller's to decide. */
  queue: z._default(z.enum(CASE_QUEUES), 'all'),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 50),
});

export const caseQueueCountsQuerySchema = z.strictObject({ queue: z._default(z.enum(CASE_QUEUES), 'all') });

export const caseSearchQuerySchema = z.strictObject({
  q: text(200, 2).check(
    z.describe(
      'An application id, a certificate number, a credit code, or a part of an organization name (2+ characters)',
    ),
  ),
});

export const applicationPathSchema = z.strictObject({ id: applicationId });
export const certificatePathSchema = z.strictObject({ number: certificateNumber });

export type SubmitApplicationInput = z.infer<typeof submitApplicationSchema>;
export type SubmitRenewalInput = z.infer<typeof submitRenewalSchema>;
