/**
 * The staff answer schemas against the domain types the core keeps: each schema names every field of its record
 * (a field added to the type and not to the schema fails this compile), and what it says parses to the type (a
 * field named with another type fails it too). So the document, generated from the schemas, says the whole record.
 */

import type { MatterOverdueNotice } from '../complaints/overdue';
import type { MatterReplyNotice } from '../complaints/reply';
import type { matterSchema } from '../complaints/schemas';
import type { ShownMatter } from '../complaints/step-refusal';
import type { Application, AuditEvent, Certificate } from '../model';
import type { DueEntry } from '../operations/due';
import type { MarkReissuedNotice } from '../operations/notices';
import type { OutboxEntry } from '../operations/outbox';
import type { Reminder } from '../operations/reminders';
import type { OrganizationRecord } from '../organizations';
import type { organizationRecordSchema } from '../organizations/schemas';
import type { WatchlistChangeNotice } from '../webhooks/email';
import type { HolderChangeNotice } from '../webhooks/holder-email';
import type * as z from '../zod';
import type { applicationSchema, auditEventSchema, certificateSchema, dueEntrySchema } from './answers';
import type {
  holderChangeEntrySchema,
  markReissuedEntrySchema,
  matterOverdueEntrySchema,
  matterReplyEntrySchema,
  reminderEntrySchema,
  watchlistChangeEntrySchema,
} from './outbox';

/** The schema names each field of the record, and what it parses to is the record. */
type Fits<Schema extends z.ZodMiniType, Record> = [Exclude<keyof Record, keyof z.output<Schema>>] extends [never]
  ? [z.output<Schema>] extends [Record]
    ? true
    : never
  : never;
type Delivered<Notice> = Notice & Omit<OutboxEntry, keyof Reminder>;

export const ANSWERS_FIT_THE_RECORDS: readonly true[] = [
  true satisfies Fits<typeof applicationSchema, Application>,
  true satisfies Fits<typeof certificateSchema, Certificate>,
  true satisfies Fits<typeof auditEventSchema, AuditEvent>,
  true satisfies Fits<typeof matterSchema, ShownMatter>,
  true satisfies Fits<typeof organizationRecordSchema, OrganizationRecord>,
  true satisfies Fits<typeof dueEntrySchema, DueEntry>,
  true satisfies Fits<typeof reminderEntrySchema, Delivered<Reminder>>,
  true satisfies Fits<typeof markReissuedEntrySchema, Delivered<MarkReissuedNotice>>,
  true satisfies Fits<typeof matterReplyEntrySchema, Delivered<MatterReplyNotice>>,
  true satisfies Fits<typeof matterOverdueEntrySchema, Delivered<MatterOverdueNotice>>,
  true satisfies Fits<typeof watchlistChangeEntrySchema, Delivered<WatchlistChangeNotice>>,
  true satisfies Fits<typeof holderChangeEntrySchema, Delivered<HolderChangeNotice>>,
];
