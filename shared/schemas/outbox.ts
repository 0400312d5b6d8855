/**
 * The outbox's entries as the staff API answers them: one schema per kind of message, each naming the fields that
 * kind keeps (answers-fit.ts checks each against its notice type), with the delivery fields every entry carries.
 */
import { MATTER_KINDS } from '../complaints/kinds';
import { MATTER_OUTCOMES } from '../complaints/matter';
import { MATTER_STATES } from '../complaints/states';
import { DUE_KINDS } from '../operations/due';
import { NOTIFY_CHANNELS } from '../operations/outbox';
import { starLevelSchema } from '../search/schema';
import { PUBLIC_EVENTS, type PublicEvent } from '../transparency-log/entry';
import { FACT_FIELDS } from '../webhooks/events';
import * as z from '../zod';

const delivery = {
  key: z.string(),
  channel: z.enum(NOTIFY_CHANNELS),
  status: z.enum(['queued', 'sent', 'failed']).check(z.describe('`failed`: a reply given up after its attempts')),
  subject: z.string(),
  text: z.string(),
  queuedAt: z.string(),
  sentAt: z.optional(z.string()),
  messageId: z.optional(z.string()),
  attempts: z.optional(z.number()).check(z.describe('Sends that failed so far (a reply tried again)')),
  nextAttemptAt: z.optional(z.string()).check(z.describe('When a reply that failed is tried again')),
  failedAt: z.optional(z.string()).check(z.describe('When a reply was given up after its attempts')),
};
const organization = z.object({ name: z.string(), creditCode: z.string() });
type CertificateEventType = `certificate.${PublicEvent}`;
const certificateEventType = z.enum(
  PUBLIC_EVENTS.map((event): CertificateEventType => `certificate.${event}`) as [CertificateEventType],
);
/** What a certificate's reminder and re-issue notice name of it. */
const aboutCertificate = {
  number: z.string(),
  cycle: z.number(),
  organization,
  level: starLevelSchema,
  applicantSub: z.string(),
};
/**
 * What a notice of a public change names: the change, and the certificate's facts after it. Its certificate status
 * is said in the text: the entry's `status` is the delivery's, which the outbox writes over the notice's.
 */
const publicChange = {
  eventId: z.string(),
  event: certificateEventType,
  number: z.string(),
  organization: z.string(),
  changed: z.array(z.enum(FACT_FIELDS)),
  at: z.string().check(z.describe('When the change was made (the log entry’s time)')),
};

export const reminderEntrySchema = z.object({
  ...delivery,
  ...aboutCertificate,
  kind: z.enum(DUE_KINDS),
  threshold: z.number().check(z.describe('The tightest reminder threshold crossed, in days')),
  due: z.string(),
  daysLeft: z.number(),
});
export const markReissuedEntrySchema = z.object({
  ...delivery,
  ...aboutCertificate,
  kind: z.literal('mark_reissued'),
  revokedKid: z.string(),
  revokedAt: z.string(),
});
export const matterReplyEntrySchema = z.object({
  ...delivery,
  kind: z.literal('matter_reply'),
  matterId: z.string(),
  to: z.optional(z.string()).check(z.describe('The reporter’s address, until the message is sent')),
  reply: z.string(),
  outcome: z.optional(z.enum(MATTER_OUTCOMES)),
});
export const matterOverdueEntrySchema = z.object({
  ...delivery,
  kind: z.literal('matter_overdue'),
  matterId: z.string(),
  matterKind: z.enum(MATTER_KINDS),
  state: z.enum(MATTER_STATES),
  deadline: z.string(),
});
export const watchlistChangeEntrySchema = z.object({
  ...delivery,
  ...publicChange,
  kind: z.literal('watchlist_change'),
  to: z.string(),
});
export const holderChangeEntrySchema = z.object({
  ...delivery,
  ...publicChange,
  kind: z.literal('holder_change'),
  holderSub: z.string(),
  level: z.string(),
  validUntil: z.string(),
  to: z.optional(z.string()).check(z.describe('The address, filled in when the message is sent')),
  link: z.optional(z.string()),
});

export const outboxEntrySchema = z.union([
  reminderEntrySchema,
  markReissuedEntrySchema,
  matterReplyEntrySchema,
  matterOverdueEntrySchema,
  watchlistChangeEntrySchema,
  holderChangeEntrySchema,
]);
