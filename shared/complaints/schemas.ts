/**
 * The complaints' schemas: what the public may file and is answered (public-schemas.ts, re-exported here, so the
 * public function builds those alone) and the staff's side: a handling step, a matter as staff see it, the queue,
 * the appeals. Every text is bounded and refuses control and direction-override characters (schemas/common).
 */
import { auditEventSchema } from '../schemas/answers';
import { subject, text } from '../schemas/common';
import * as z from '../zod';
import { CASE_DECISIONS, CERTIFICATE_DECISIONS } from './appeals';
import { MATTER_KINDS, REPORTABLE_VERDICTS, SEEN_AT_KINDS } from './kinds';
import { MATTER_OUTCOMES } from './matter';
import { PHOTO_CONTENT_TYPES } from './photo';
import { INTAKE_LIMITS as L } from './settings';
import { MATTER_STATES } from './states';

export * from './public-schemas';

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
