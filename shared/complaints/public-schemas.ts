import { applicationId, certificateNumber, text } from '../schemas/common';
import * as z from '../zod';
import { REPORTABLE_VERDICTS, SEEN_AT_KINDS } from './kinds';
import { PHOTO_CONTENT_TYPES } from './photo';
import { INTAKE_LIMITS as L } from './settings';

const link = text(L.maxLinkChars).check(
  z.regex(/^https?:\/\/[^\s<>"']+$/i, { message: 'must be an http(s) address without spaces or quotes' }),
);

export const proofOfWorkSchema = z.strictObject({
  challenge: z.string().check(z.maxLength(64)),
  nonce: z.string().check(z.maxLength(16)),
});

export const seenAtSchema = z
  .strictObject({
    kind: z.enum(SEEN_AT_KINDS),
    /** The shop's name or the seller's, as the reporter saw it. */
    place: z.optional(text(L.maxPlaceChars)),
    link: z.optional(link),
    city: z.optional(text(L.maxCityChars)),
  })
  .check(
    z.refine((s) => s.kind !== 'online' || s.link !== undefined, {
      message: 'an online store needs its link',
      path: ['link'],
    }),
  );

/** The optional way to reach the reporter: an e-mail address or a phone number, nothing else asked. */
const contact = text(L.maxContactChars, 5);

/* A counterfeit report's optional photo (shared/complaints/photo.ts): its declaration, upload and confirmation. */
const sha256Hex = z.string().check(z.regex(/^[0-9a-f]{64}$/, { message: 'not a SHA-256 in lower-case hex' }));

/** What a filing declares of its photo; the limit is checked apart (photoDeclarationRefusal), as a 413. */
export const reportPhotoSchema = z.strictObject({
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  size: z.number().check(z.int(), z.minimum(1)),
  sha256: sha256Hex,
});

/** The confirmation of an upload: the secret the filing answered, which binds it to that report alone. */
export const confirmPhotoSchema = z.strictObject({
  secret: z.string().check(z.regex(/^[0-9a-f]{64}$/, { message: 'not the secret the filing answered' })),
});

export const photoUploadTicketSchema = z.object({
  method: z.literal('PUT'),
  url: z.string().check(z.describe('A presigned URL: PUT the photo there with exactly the headers below')),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
  secret: z.string().check(z.describe('Send it to confirm the upload: nobody else can attach a photo to the report')),
});

export const attachedPhotoSchema = z.object({
  contentType: z.string().check(z.describe('Taken from the bytes')),
  size: z.number(),
  sha256: z.string(),
  attachedAt: z.string(),
});

export const photoDownloadSchema = z.object({
  url: z.string(),
  expiresAt: z.string(),
  contentType: z.string(),
  sha256: z.string().check(z.describe('What the bytes at the URL must hash to: a preview checks them first')),
});

export const photoConfirmedSchema = z.object({ id: z.string(), photo: attachedPhotoSchema });

export const counterfeitReportSchema = z
  .strictObject({
    kind: z.literal('counterfeit-report'),
    verdict: z.enum(REPORTABLE_VERDICTS),
    /** The scanned token, as the page had it; or the number that was typed. */
    token: z.optional(z.string().check(z.minLength(1), z.maxLength(L.maxTokenChars))),
    number: z.optional(text(64)),
    seenAt: seenAtSchema,
    description: z.optional(text(L.maxDescriptionChars)),
    contact: z.optional(contact),
    /** What the reporter will upload after filing: its type, size and SHA-256, bound into the upload URL. */
    photo: z.optional(reportPhotoSchema),
    proof: proofOfWorkSchema,
  })
  .check(
    z.refine((r) => r.token !== undefined || r.number !== undefined, {
      message: 'a report names the scanned token or the number it is about',
      path: ['token'],
    }),
  );

export const organizationComplaintSchema = z.strictObject({
  kind: z.literal('organization-complaint'),
  number: certificateNumber,
  description: text(L.maxDescriptionChars, 10),
  contact: z.optional(contact),
  proof: proofOfWorkSchema,
});

export const publicFilingSchema = z.discriminatedUnion('kind', [counterfeitReportSchema, organizationComplaintSchema]);

export const challengeAnswerSchema = z.object({
  challenge: z.string(),
  bits: z.number().check(z.describe('Leading zero bits the SHA-256 of `starmark-report-v1:<challenge>:<nonce>` needs')),
  expiresAt: z.string(),
});

export const filingReceiptSchema = z.object({
  id: z.string().check(z.describe('The reference to quote when asking about the report')),
  kind: z.string(),
  receivedAt: z.string(),
  retentionDays: z.number().check(z.describe('How long the record is kept; a contact only until the reply')),
  photoUpload: z.optional(photoUploadTicketSchema),
});

export type CounterfeitReportInput = z.output<typeof counterfeitReportSchema>;
export type OrganizationComplaintInput = z.output<typeof organizationComplaintSchema>;
export type PublicFilingInput = z.output<typeof publicFilingSchema>;

/** A matter's id is made like an application's (newApplicationId), and checked alike. */
export const matterPathSchema = z.strictObject({ matterId: applicationId });
