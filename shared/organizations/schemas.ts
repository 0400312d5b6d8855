/** Inputs and answers of the organization routes (staff): one schema each, for the functions, console and OpenAPI. */
import { creditCodeSchema } from '../credit-code';
import { applicationSchema, certificateSchema } from '../schemas/answers';
import { reason, subject } from '../schemas/common';
import * as z from '../zod';

export const organizationPathSchema = z.strictObject({ creditCode: creditCodeSchema });

export const accountLinkSchema = z.strictObject({
  sub: subject.check(
    z.describe('The applicant account (its user id) that acts, or no longer acts, for the organization'),
  ),
  reason: z.optional(reason),
});

export const organizationRecordSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  nameEn: z.optional(z.string()),
  address: z.optional(z.string()),
  accounts: z.array(z.object({ sub: z.string(), linkedAt: z.string(), linkedBy: z.string() })),
  applications: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['initial', 'renewal']),
      scope: z.string(),
      submittedAt: z.string(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  eventSeq: z.number(),
  lastEventHash: z.string(),
});

export const organizationViewSchema = z.object({
  organization: organizationRecordSchema,
  applications: z.array(applicationSchema).check(z.describe("The organization's applications, oldest first")),
  certificates: z.array(certificateSchema).check(z.describe('Its certificates, in every status')),
});

export type AccountLinkInput = z.infer<typeof accountLinkSchema>;
