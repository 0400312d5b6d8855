/**
 * What the endpoints answer, as schemas: the `response` of each route, from which OpenAPI describes the answers.
 * A staff record (case, certificate, audit event, due entry, outbox entry) is named field by field and closed
 * (`additionalProperties: false`): the console renders the record in full, so the document says all of it, and the
 * contract test fails on a field the server sends and the document does not name (answers-fit.ts checks each
 * against the domain type). The public records stay open: they name what a client may rely on and may grow.
 */
import { MATTER_OUTCOMES } from '../complaints/matter';
import { MATTER_STATES } from '../complaints/states';
import { CASE_AWAITS } from '../lifecycle/case-due';
import {
  APPLICATION_STATES,
  CASE_QUEUES,
  CERTIFICATE_STATUSES,
  CHANGE_FIELDS,
  CHANGE_KINDS,
  CHANGE_REASON_CATEGORIES,
  COMMITTEE_GROUNDS,
} from '../model';
import { DUE_KINDS } from '../operations/due';
import { scoreSheetRecordSchema } from '../scheme/schema';
import { starLevelSchema } from '../search/schema';
import { KEY_STATUSES } from '../star-mark/jwks';
import * as z from '../zod';
import { organizationSchema, serviceDocumentSchema } from './application';
import { outboxEntrySchema } from './outbox';
import { starMarkSchema, statusHistorySchema } from './public-answers';

export * from './public-answers';

const cursor = z.optional(z.string()).check(z.describe('Present when more items follow: pass it back as `cursor`'));
const pageOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), cursor });

export const actorSchema = z.object({
  sub: z.string(),
  roles: z.array(z.string()),
  name: z.optional(z.string()),
});

/** What every versioned record carries: its optimistic-lock version and the head of its audit hash chain. */
const versioned = {
  version: z.number(),
  eventSeq: z.number(),
  lastEventHash: z.string(),
};

/** A level decision reversed on appeal: the appeal, the case's decision and who took part (shared/model.ts). */
const pendingLevelReversal = {
  matterId: z.string(),
  decision: z.literal('level'),
  applicationId: z.string(),
  decidedAt: z.string(),
  involved: z.array(z.string()),
  reversedOn: z.string(),
};

export const applicationSchema = z.object({
  id: z.string(),
  kind: z.enum(['initial', 'renewal']),
  renewalOf: z.optional(z.string()),
  state: z.enum(APPLICATION_STATES),
  organization: organizationSchema,
  scope: z.string(),
  operatingSince: z.string(),
  applicantSub: z.string(),
  documents: z
    .array(serviceDocumentSchema)
    .check(z.describe('The service documents the applicant listed (a renewal starts from the last ones)')),
  submittedAt: z.string(),
  updatedAt: z.string(),
  stateSince: z.optional(z.string()).check(z.describe('When the case entered its current state')),
  evaluatorSub: z.optional(z.string()),
  conflictedEvaluators: z.optional(z.array(z.string())),
  committeeSub: z.optional(z.string()),
  contractNo: z.optional(z.string()),
  acceptedOn: z.optional(z.string()).check(z.describe('The day (Beijing) the case was accepted')),
  revisionNote: z.optional(z.string()),
  onSiteReviewDate: z.optional(z.string()),
  scoreSheet: z.optional(scoreSheetRecordSchema),
  score: z.optional(z.object({ total: z.number(), level: z.nullable(starLevelSchema), passed: z.boolean() })),
  decision: z.optional(
    z.object({ by: z.string(), at: z.string(), approved: z.boolean(), reason: z.optional(z.string()) }),
  ),
  certificateNumber: z.optional(z.string()),
  appealReversal: z.optional(
    z
      .object({
        matterId: z.string(),
        decision: z.literal('rejection'),
        decidedAt: z.string(),
        involved: z.array(z.string()),
        reversedOn: z.string(),
      })
      .check(z.describe('An appeal reversed the rejection: the case may be reopened for a new decision')),
  ),
  recusedDeciders: z.optional(z.array(z.string())),
  reopenedOnAppeal: z.optional(
    z
      .object({ matterId: z.optional(z.string()), at: z.string() })
      .check(z.describe('Reopened on appeal and waiting for its new decision')),
  ),
  reassessmentOn: z.optional(
    z.string().check(z.describe('The day the committee sent the case back for a new on-site review')),
  ),
  levelAppealPending: z.optional(
    z
      .object(pendingLevelReversal)
      .check(z.describe('The level decision was reversed on appeal before the issue: the certificate carries it')),
  ),
  ...versioned,
});

/** One line of a certificate's change history as staff see it: every value, the one before included. */
const changeRecordSchema = z.object({
  date: z.string(),
  kind: z.enum(CHANGE_KINDS),
  field: z.enum(CHANGE_FIELDS),
  from: z.nullable(z.string()),
  to: z.string(),
  reasonCategory: z.enum(CHANGE_REASON_CATEGORIES),
});

const surveillanceRecord = {
  date: z.string(),
  total: z.number(),
  level: z.nullable(starLevelSchema),
  outcome: z.enum(['keep', 'raise', 'lower', 'suspend']),
  evaluatorSub: z.string(),
};

export const certificateSchema = z.object({
  number: z.string(),
  organization: organizationSchema,
  scope: z.string(),
  level: starLevelSchema,
  score: z.number(),
  status: z.enum(CERTIFICATE_STATUSES),
  cycle: z.number(),
  validFrom: z.string(),
  validUntil: z.string(),
  issuedAt: z.string(),
  applicationId: z.string(),
  applicantSub: z.string(),
  evaluatorSub: z.optional(z.string()),
  lastSurveillance: z.nullable(z.string()),
  nextSurveillanceDue: z.nullable(z.string()),
  surveillancePostponedUntil: z.nullable(z.string()),
  suspendedOn: z.nullable(z.string()),
  clearedOn: z.nullable(z.string()).check(z.describe('A passing surveillance held while suspended: reinstatable')),
  surveillances: z.array(z.object(surveillanceRecord)),
  pendingSurveillance: z.optional(
    z
      .object({ ...surveillanceRecord, grounds: z.array(z.enum(COMMITTEE_GROUNDS)), recordedOn: z.string() })
      .check(z.describe('A surveillance result the committee has yet to decide')),
  ),
  statusHistory: statusHistorySchema,
  changes: z.optional(z.array(changeRecordSchema)),
  pendingChange: z.optional(
    z
      .object({
        kind: z.enum(CHANGE_KINDS),
        field: z.enum(CHANGE_FIELDS),
        from: z.nullable(z.string()),
        to: z.string(),
        reasonCategory: z.enum(CHANGE_REASON_CATEGORIES),
        reason: z.string(),
        proposedBy: z.string(),
        proposedOn: z.string(),
        review: z.optional(z.object({ by: z.string(), date: z.string(), note: z.optional(z.string()) })),
      })
      .check(z.describe('A change proposed and not yet decided')),
  ),
  appealReversal: z.optional(
    z.object({
      matterId: z.string(),
      decision: z.enum(['suspension', 'withdrawal']),
      entry: z.number(),
      reversedOn: z.string(),
    }),
  ),
  levelAppealReversal: z.optional(
    z
      .object({ ...pendingLevelReversal, level: starLevelSchema, entry: z.number() })
      .check(z.describe('An appeal reversed the star-level decision: a committee member sets the level anew')),
  ),
  openRenewalId: z.optional(z.string()),
  log: z.optional(z.object({ index: z.number(), digest: z.string() })),
  token: z.optional(z.string()),
  tokenKid: z.optional(z.string()),
  tokenSignedAt: z.optional(z.string()).check(z.describe('When the current star mark was signed')),
  starMark: z.optional(starMarkSchema),
  markReissue: z.optional(
    z.object({ revokedKid: z.string(), reissuedAt: z.string(), downloadedAt: z.optional(z.string()) }),
  ),
  ...versioned,
});

export const issuedSchema = z.object({ application: applicationSchema, certificate: certificateSchema });

/** The staff directory's names of the people an answer names, by account: one it does not know is left out. */
const peopleSchema = z
  .record(z.string(), z.string())
  .check(z.describe('The staff directory’s names of the people the answer names, by account (where it knows them)'));

/** The appeals filed against the decisions a case or certificate stands on (shared/complaints/repeat-appeal.ts). */
const appealsOnRecordSchema = z
  .array(
    z.object({
      decisionKey: z.string().check(z.describe('The decision appealed, as the one-appeal-per-decision rule names it')),
      matterId: z.string().check(z.describe('The appeal last filed against it')),
      state: z.enum(MATTER_STATES),
      outcome: z.optional(z.enum(MATTER_OUTCOMES)),
    }),
  )
  .check(z.describe('The appeal on record against each decision the record stands on: a decision is appealed once'));

/** One case as its page reads it: the application, the names of the people it names, the appeals on record. */
export const applicationViewSchema = z.extend(applicationSchema, {
  people: peopleSchema,
  appeals: appealsOnRecordSchema,
});

/** One certificate as its page reads it: the record, the names of the people it names, the appeals on record. */
export const certificateViewSchema = z.extend(certificateSchema, {
  people: peopleSchema,
  appeals: appealsOnRecordSchema,
});

export const auditEventSchema = z.object({
  stream: z.string(),
  seq: z.number(),
  at: z.string(),
  actor: z.object({ sub: z.string(), roles: z.array(z.string()) }),
  action: z.string(),
  from: z.nullable(z.string()),
  to: z.string(),
  reason: z.optional(z.string()),
  data: z.optional(z.record(z.string(), z.unknown())),
  prevHash: z.string(),
  hash: z.string(),
});

export const eventListSchema = z.object({
  items: z.array(auditEventSchema),
  people: peopleSchema,
});
/** A case's due date (shared/lifecycle/case-due.ts): the answer it waits for, whose, and by when. */
export const caseDueSchema = z.object({
  awaits: z.enum(CASE_AWAITS),
  owedBy: z.enum(['body', 'applicant']),
  on: z.string().check(z.describe('The last day (Beijing) the answer is due on')),
  daysLeft: z.number().check(z.describe('Days from today to `on`; negative when overdue')),
  certificateEnds: z.boolean().check(z.describe("A renewal: the renewed certificate's last day is the date")),
});
/** A queue's page: each case with its due date (null when it owes nothing), and the day the server counts from. */
export const applicationPageSchema = z.object({
  items: z.array(z.extend(applicationSchema, { due: z.nullable(caseDueSchema) })),
  cursor,
  today: z.string().check(z.describe('Today in Beijing, on the server: what `daysLeft` counts from')),
});
/** How many cases each tab of a queue holds, by state (only the queue's own states). */
export const caseQueueCountsSchema = z.object({
  queue: z.enum(CASE_QUEUES),
  counts: z.partialRecord(z.enum(APPLICATION_STATES), z.number()),
});
export const certificatePageSchema = pageOf(certificateSchema);

export const caseSearchSchema = z.object({
  matchedBy: z.enum(['application', 'number', 'creditCode', 'name']),
  applications: z.array(applicationSchema),
  certificates: z.array(certificateSchema),
  truncated: z
    .boolean()
    .check(z.describe('More organizations matched the name than were read: a longer part of the name narrows it')),
});

const organizationNamed = z.object({ name: z.string(), creditCode: z.string() });

export const dueEntrySchema = z.object({
  kind: z.enum(DUE_KINDS),
  number: z.string(),
  cycle: z.number(),
  organization: organizationNamed,
  level: starLevelSchema,
  applicantSub: z.string(),
  due: z.string(),
  daysLeft: z.number(),
  postponed: z.boolean(),
  renewalOpen: z.boolean(),
});

export const dueListSchema = z.object({
  today: z.string(),
  within: z.object({ surveillance: z.number(), renewal: z.number() }),
  items: z.array(dueEntrySchema),
  truncated: z.boolean(),
});

export const outboxPageSchema = pageOf(outboxEntrySchema);

export const signingKeySchema = z.object({
  kid: z.string(),
  status: z.enum(KEY_STATUSES),
  createdAt: z.optional(z.string()),
  retiredAt: z.optional(z.string()),
  revokedAt: z.optional(z.string()),
  revocationReason: z.optional(z.string()),
  /** After a change of keys: the marks re-signed now, and whether certificates are left for the sweep. */
  reissue: z.optional(z.object({ reissued: z.number(), finished: z.boolean(), waitingForKey: z.boolean() })),
});

export const signingKeyListSchema = z.object({
  rotation: z.enum(['here', 'deployment']),
  items: z.array(signingKeySchema),
});
