/**
 * Reporting in batches: an administrator opens a batch of the items due (oldest first, at most
 * REPORT_BATCH_LIMIT), exports it for the platform, and marks it reported once the platform has it. One batch is
 * open at a time; which one is held by a single pointer record, moved forward only from the step it was read at,
 * so two people opening a batch at once get one batch between them.
 */
import { addDays, chinaDate, type IsoDate } from '../calendar';
import { DomainError } from '../errors';
import type { EventDraft } from '../lifecycle/events';
import { requireRole } from '../lifecycle/guards';
import type { Actor } from '../model';
import type { ReportItem } from './report-item';

/**
 * Marking a batch reported moves each of its items in the same transaction as the batch (two writes an item, within
 * DynamoDB's 100 a transaction with the batch, the pointer, the event and the Idempotency-Key record).
 */
export const REPORT_BATCH_LIMIT = 45;

/** Days after an event by which it is reported, unless the deployment sets its own (REPORTING_DEADLINE_DAYS). */
export const DEFAULT_REPORTING_DEADLINE_DAYS = 5;
export const MAX_REPORTING_DEADLINE_DAYS = 90;

/** The deployment's setting: a whole number of days, 1 to 90; unset means the default. */
export function reportingDeadlineDaysOf(value: string | number | undefined, source = 'reportingDeadlineDays'): number {
  if (value === undefined || value === '') return DEFAULT_REPORTING_DEADLINE_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > MAX_REPORTING_DEADLINE_DAYS)
    throw new Error(`${source} must be a whole number of days from 1 to ${MAX_REPORTING_DEADLINE_DAYS}: ${value}`);
  return days;
}

export const REPORT_BATCH_STATES = ['open', 'reported'] as const;
export type ReportBatchState = (typeof REPORT_BATCH_STATES)[number];

export interface ReportBatch {
  id: string;
  state: ReportBatchState;
  /** The items the batch reports, oldest first: fixed when it opens. */
  itemIds: string[];
  openedAt: string;
  openedBy: string;
  reportedAt?: string;
  reportedBy?: string;
  /** What the platform acknowledged the upload with (its receipt or batch number), if it gave one. */
  platformReference?: string;
}

/** Which batch is open, and how many were ever opened (what numbers the next). */
export interface BatchPointer {
  step: number;
  opened: number;
  openBatchId: string | null;
}

export const NO_BATCH_YET: BatchPointer = { step: 0, opened: 0, openBatchId: null };

/** The day by which an item must be reported. */
export function reportDeadline(item: Pick<ReportItem, 'date'>, deadlineDays: number): IsoDate {
  return addDays(item.date, deadlineDays);
}

export function isOverdue(item: Pick<ReportItem, 'date'>, deadlineDays: number, today: IsoDate): boolean {
  return reportDeadline(item, deadlineDays) < today;
}

export function batchIdOf(serial: number, now: Date): string {
  return `NR-${chinaDate(now).replaceAll('-', '')}-${String(serial).padStart(4, '0')}`;
}

export interface OpenedBatch {
  pointer: BatchPointer;
  batch: ReportBatch;
  event: EventDraft;
}

/** Opening a batch of what is due: refused while another is open, or when nothing is due. */
export function openBatch(pointer: BatchPointer, due: readonly ReportItem[], actor: Actor, now: Date): OpenedBatch {
  requireRole(actor, 'admin');
  if (pointer.openBatchId) throw new DomainError('REPORT_BATCH_OPEN', `batch ${pointer.openBatchId} is open`);
  if (due.length === 0) throw new DomainError('NOTHING_TO_REPORT');
  const items = [...due].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, REPORT_BATCH_LIMIT);
  const id = batchIdOf(pointer.opened + 1, now);
  return {
    pointer: { step: pointer.step + 1, opened: pointer.opened + 1, openBatchId: id },
    batch: { id, state: 'open', itemIds: items.map((i) => i.id), openedAt: now.toISOString(), openedBy: actor.sub },
    event: {
      action: 'report-batch-opened',
      from: null,
      to: 'open',
      data: { items: items.length, left: due.length - items.length },
    },
  };
}

/** The platform has the batch: it is closed, and another may open. */
export function markBatchReported(
  batch: ReportBatch,
  pointer: BatchPointer,
  input: { platformReference?: string },
  actor: Actor,
  now: Date,
): OpenedBatch {
  requireRole(actor, 'admin');
  if (batch.state !== 'open' || pointer.openBatchId !== batch.id)
    throw new DomainError('REPORT_BATCH_NOT_OPEN', `batch ${batch.id} is ${batch.state}`);
  return {
    pointer: { ...pointer, step: pointer.step + 1, openBatchId: null },
    batch: {
      ...batch,
      state: 'reported',
      reportedAt: now.toISOString(),
      reportedBy: actor.sub,
      ...(input.platformReference ? { platformReference: input.platformReference } : {}),
    },
    event: {
      action: 'report-batch-reported',
      from: 'open',
      to: 'reported',
      data: { items: batch.itemIds.length, ...(input.platformReference ? { reference: input.platformReference } : {}) },
    },
  };
}

export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A download of the batch's file is a step of its own in the batch's audit trail. */
export function exportEvent(batch: ReportBatch, format: ReportFormat): EventDraft {
  return { action: 'report-batch-exported', from: batch.state, to: batch.state, data: { format } };
}
