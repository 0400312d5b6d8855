/**
 * What the public may file, and what it is answered: shared by the public function, the verify page and OpenAPI.
 * Every text is bounded and refuses control and direction-override characters (schemas/common); a link must be a
 * plain http(s) URL, so no `javascript:` ever reaches a console.
 */
import { auditEventSchema } from '../schemas/answers';
import { applicationId, certificateNumber, subject, text } from '../schemas/common';
import * as z from '../zod';
import { CASE_DECISIONS, CERTIFICATE_DECISIONS } from './appeals';
import { MATTER_KINDS, REPORTABLE_VERDICTS, SEEN_AT_KINDS } from './kinds';
import { MATTER_OUTCOMES } from './matter';
import { PHOTO_CONTENT_TYPES } from './photo';
import { INTAKE_LIMITS as L } from './settings';
import { MATTER_STATES } from './states';

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

/** A step of the handling queue (staff): its slug from the step table, and what that step records. */
const staffText = text(L.maxDescriptionChars);
export const matterStepSchema = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('acknowledge') }),
  z.strictObject({ step: z.literal('assign'), handlerSub: subject }),
  z.strictObject({ step: z.literal('add-note'), note: staffText }),
  z.strictObject({ step: z.literal('decide'), outcome: z.enum(MATTER_OUTCOMES) }),
  z.strictObject({ step: z.literal('reply'), reply: staffText }),
  z.strictObject({ step: z.literal('dismiss'), reason: staffText }),
]);
export type MatterStepInput = z.output<typeof matterStepSchema>;

/** A matter's id is made like an application's (newApplicationId), and checked alike. */
export const matterPathSchema = z.strictObject({ matterId: applicationId });

/** A matter as staff are shown it (matterFor): the contact only to its handlers, the reporter's secrets never. */
export const matterSchema = z.object({
  id: z.string(),
  kind: z.enum(MATTER_KINDS),
  state: z.enum(MATTER_STATES),
  receivedAt: z.string(),
  certificateNumber: z.optional(z.string()),
  reportedNumber: z.optional(z.string()),
  token: z.optional(z.string()),
  verdict: z.optional(z.enum(REPORTABLE_VERDICTS)),
  seenAt: z.optional(
    z.object({
      kind: z.enum(SEEN_AT_KINDS),
      place: z.optional(z.string()),
      link: z.optional(z.string()),
      city: z.optional(z.string()),
    }),
  ),
  description: z.optional(z.string()),
  photo: z.optional(
    z.object({
      contentType: z.enum(PHOTO_CONTENT_TYPES),
      size: z.number(),
      sha256: z.string(),
      attachedAt: z.string(),
    }),
  ),
  contact: z.optional(
    z.string().check(z.describe('Personal data, shown to those handling the matter while it is open, never in a list')),
  ),
  appealOf: z.optional(
    z.object({
      applicationId: z.string(),
      decision: z.string(),
      entry: z.optional(z.number()),
      decidedAt: z.optional(z.string()),
    }),
  ),
  involved: z.array(z.string()),
  replyFailed: z.optional(
    z
      .object({ at: z.string(), attempts: z.number() })
      .check(z.describe('The reply e-mail, given up after its attempts: the reporter was not told')),
  ),
  handlerSub: z.optional(z.string()),
  acknowledgedAt: z.optional(z.string()),
  notes: z.optional(z.array(z.object({ at: z.string(), by: z.string(), text: z.string() }))),
  outcome: z.optional(z.enum(MATTER_OUTCOMES)),
  decidedAt: z.optional(z.string()),
  decidedBy: z.optional(z.string()),
  reply: z.optional(z.string()),
  closedAt: z.optional(z.string()),
  version: z.number(),
  eventSeq: z.number(),
  lastEventHash: z.string(),
});

/** Today in Beijing by the server's clock: what a deadline is compared with. */
const today = z.string().check(z.describe('Today (Beijing), by which a deadline has passed or not'));

export const matterQueueSchema = z.object({
  today,
  open: z.array(
    z.object({
      matter: matterSchema,
      deadline: z.nullable(z.string().check(z.describe('The day (Beijing) by which the next answer is owed'))),
    }),
  ),
  patterns: z.object({
    byNumber: z.array(
      z.object({
        number: z.string(),
        count: z.number(),
        cities: z.array(z.object({ city: z.string(), count: z.number() })),
      }),
    ),
    byCity: z.array(z.object({ city: z.string(), count: z.number() })),
  }),
});

export const matterViewSchema = z.object({
  today,
  matter: matterSchema,
  deadline: z.nullable(z.string().check(z.describe('The day (Beijing) by which the next answer is owed'))),
  events: z.array(auditEventSchema),
  people: z
    .record(z.string(), z.string())
    .check(z.describe('The staff directory’s names of the people the page names, by account (where it knows them)')),
});

/** An applicant's appeal against the decision on its own case, with its grounds. */
export const caseAppealSchema = z.strictObject({
  decision: z.enum(CASE_DECISIONS),
  grounds: text(L.maxDescriptionChars, 10),
});
export type CaseAppealInput = z.output<typeof caseAppealSchema>;

/** The holder's appeal against the suspension or withdrawal of its certificate, with its grounds. */
export const certificateAppealSchema = z.strictObject({
  decision: z.enum(CERTIFICATE_DECISIONS),
  grounds: text(L.maxDescriptionChars, 10),
});
export type CertificateAppealInput = z.output<typeof certificateAppealSchema>;
