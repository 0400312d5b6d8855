/** Inputs of the application's endpoints: one schema each, shared by the functions, the console and OpenAPI. */
import { z } from 'zod';
import { creditCodeSchema } from '../credit-code';
import { scoreSheetSchema } from '../scheme';
import { applicationId, certificateNumber, isoDate, optionalNote, reason, subject, text } from './common';

export const organizationSchema = z
  .object({
    name: text(200, 2),
    nameEn: text(200, 2).optional(),
    creditCode: creditCodeSchema,
    address: text(300).optional(),
  })
  .strict();

export const serviceDocumentSchema = z
  .object({
    name: text(200),
    kind: z.enum(['manual', 'procedure', 'record', 'other']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    note: optionalNote,
  })
  .strict();

export const submitApplicationSchema = z
  .object({
    organization: organizationSchema,
    scope: text(500),
    operatingSince: isoDate,
    documents: z.array(serviceDocumentSchema).max(50).default([]),
  })
  .strict();

export const submitRenewalSchema = z
  .object({
    certificateNumber,
    scope: text(500).optional(),
    documents: z.array(serviceDocumentSchema).max(50).default([]),
  })
  .strict();

export const acceptSchema = z.object({ evaluatorSub: subject, contractNo: text(64) }).strict();
export const documentReviewSchema = z.object({ note: optionalNote }).strict();
export const returnForRevisionSchema = z.object({ reason }).strict();
export const resubmitSchema = z
  .object({ note: optionalNote, documents: z.array(serviceDocumentSchema).max(50).optional() })
  .strict();
export const onSiteReviewSchema = z
  .object({ reviewDate: isoDate, scoreSheet: scoreSheetSchema, note: optionalNote })
  .strict();
export const approveSchema = z.object({ reason: reason.optional() }).strict();
export const rejectSchema = z.object({ reason }).strict();
export const issueSchema = z.object({}).strict();
export const withdrawApplicationSchema = z.object({ reason: reason.optional() }).strict();

export const applicationListQuerySchema = z
  .object({
    state: z
      .enum(['submitted', 'accepted', 'revision_requested', 'document_review_passed', 'scored', 'approved', 'rejected', 'issued', 'withdrawn'])
      .optional(),
    cursor: z.string().max(1024).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export const applicationPathSchema = z.object({ id: applicationId }).strict();
export const certificatePathSchema = z.object({ number: certificateNumber }).strict();

export type SubmitApplicationInput = z.infer<typeof submitApplicationSchema>;
export type SubmitRenewalInput = z.infer<typeof submitRenewalSchema>;
