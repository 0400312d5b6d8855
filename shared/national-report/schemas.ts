/** Inputs and answers of the national-platform reporting routes: one schema each, for the functions, console and OpenAPI. */
import { REASON_CATEGORIES } from '../model';
import { auditEventSchema } from '../schemas/answers';
import { starLevelSchema } from '../search/schema';
import * as z from '../zod';
import { REPORT_BATCH_STATES } from './batch';
import { NATIONAL_STATUSES, REPORT_KINDS } from './report-item';

export const reportBatchPathSchema = z.strictObject({
  batchId: z.string().check(z.regex(/^NR-\d{8}-\d{4}$/), z.describe('A report batch, e.g. NR-20261201-0001')),
});

export const markReportedSchema = z.strictObject({
  platformReference: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.minLength(1),
        z.maxLength(100),
        z.regex(/^[\p{L}\p{N} ._\-/#:]+$/u),
        z.describe("The platform's acknowledgement of the upload (its receipt or batch number), if it gave one"),
      ),
  ),
});

export const reportItemSchema = z.looseObject({
  id: z.string(),
  number: z.string(),
  seq: z.number(),
  at: z.string(),
  date: z.string(),
  kind: z.enum(REPORT_KINDS),
  nationalStatus: z.enum(NATIONAL_STATUSES),
  reasonCategory: z.nullable(z.enum(REASON_CATEGORIES)),
  holder: z.looseObject({ name: z.string(), creditCode: z.string() }),
  scope: z.string(),
  level: starLevelSchema,
  validUntil: z.string(),
});

export const reportBatchSchema = z.looseObject({
  id: z.string(),
  state: z.enum(REPORT_BATCH_STATES),
  itemIds: z.array(z.string()),
  openedAt: z.string(),
  openedBy: z.string(),
  reportedAt: z.optional(z.string()),
  reportedBy: z.optional(z.string()),
  platformReference: z.optional(z.string()),
  version: z.number(),
});

export const reportQueueSchema = z.object({
  today: z.string(),
  deadlineDays: z.number().check(z.describe('The deployment setting: days after an event by which it is reported')),
  items: z.array(
    z.looseObject({
      ...reportItemSchema.shape,
      deadline: z.string(),
      overdue: z.boolean(),
      batchId: z.optional(z.string()),
    }),
  ),
  overdue: z.number(),
  openBatch: z.nullable(reportBatchSchema),
  batches: z.array(z.object({ id: z.string(), state: z.string(), items: z.number(), openedAt: z.string() })),
});

export const reportBatchViewSchema = z.object({
  batch: reportBatchSchema,
  items: z.array(reportItemSchema),
  events: z.array(auditEventSchema),
});
