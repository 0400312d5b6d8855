/**
 * National-platform reporting: the queue of what is due (written with each certificate change, see
 * shared/national-report/writes.ts), batches opened, exported and marked reported, each step with its audit event
 * in the batch's own stream. One batch is open at a time (the pointer record, conditional on the step it was read
 * at): two administrators opening at once get one batch, the other a 409 REPORT_BATCH_OPEN.
 */
import { isStaff } from '../../shared/access';
import { chinaDate } from '../../shared/calendar';
import { DomainError } from '../../shared/errors';
import type { Actor, Versioned } from '../../shared/model';
import {
  type BatchPointer,
  DEFAULT_REPORTING_DEADLINE_DAYS,
  exportEvent,
  isOverdue,
  markBatchReported,
  NATIONAL_REPORT_COLUMNS,
  NO_BATCH_YET,
  openBatch,
  type ReportBatch,
  type ReportFormat,
  type ReportItem,
  reportDeadline,
} from '../../shared/national-report';
import { eventStreamOf, keys } from '../../shared/store/keys';
import { CommitConflict, type Write } from '../../shared/store/port';
import { toCsv } from '../../shared/tabular/table';
import { workbookOf } from '../documents/spreadsheet';
import { advance, NEW_AGGREGATE } from './aggregate';
import type { Deps } from './deps';
import type { Plan } from './plan';

type StoredBatch = ReportBatch & Versioned;

const BATCH_ENTITY = 'national-report-batch';
const POINTER_ENTITY = 'national-report-pointer';
const ITEM_FIELDS = ['pk', 'sk', 'entity'] as const;

export const deadlineDaysOf = (deps: Deps) => deps.config.reportingDeadlineDays ?? DEFAULT_REPORTING_DEADLINE_DAYS;

function requireStaff(actor: Actor): void {
  if (!isStaff(actor)) throw new DomainError('FORBIDDEN_ROLE', 'national-platform reports are staff work');
}

function itemOf(stored: Record<string, unknown>): ReportItem {
  const copy: Record<string, unknown> = { ...stored };
  for (const field of ITEM_FIELDS) delete copy[field];
  return copy as unknown as ReportItem;
}

async function queryAll(deps: Deps, pk: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.queryItems(pk, { limit: 500, cursor });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export async function dueItems(deps: Deps): Promise<ReportItem[]> {
  return (await queryAll(deps, keys.reportDue)).map(itemOf);
}

async function readPointer(deps: Deps): Promise<BatchPointer> {
  const { pk, sk } = keys.reportPointer();
  const found = await deps.store.getItem(pk, sk);
  if (!found) return NO_BATCH_YET;
  return { step: Number(found.step), opened: Number(found.opened), openBatchId: (found.openBatchId as string) ?? null };
}

export async function loadBatch(deps: Deps, id: string): Promise<StoredBatch> {
  const { pk, sk } = keys.reportBatch(id);
  const found = await deps.store.getItem(pk, sk);
  if (!found) throw new DomainError('NOT_FOUND', `report batch ${id}`);
  const { pk: _pk, sk: _sk, entity: _e, step: _s, ...batch } = found;
  return batch as unknown as StoredBatch;
}

const pointerWrite = (from: BatchPointer, next: BatchPointer): Write => ({
  kind: 'advance',
  value: { ...keys.reportPointer(), entity: POINTER_ENTITY, ...next },
  from: from.step === 0 ? null : from.step,
});

const batchWrite = (batch: StoredBatch, from: number | null): Write => ({
  kind: 'advance',
  value: { ...keys.reportBatch(batch.id), entity: BATCH_ENTITY, ...batch, step: batch.version },
  from,
});

/** The queue as the console shows it: every unreported item with its deadline, the open batch, the latest batches. */
export async function reportQueue(deps: Deps, actor: Actor) {
  requireStaff(actor);
  const deadlineDays = deadlineDaysOf(deps);
  const today = chinaDate(deps.clock());
  const [items, pointer, batches] = await Promise.all([
    dueItems(deps),
    readPointer(deps),
    queryAll(deps, keys.reportBatches),
  ]);
  const open = pointer.openBatchId ? await loadBatch(deps, pointer.openBatchId) : null;
  const inOpen = new Set(open?.itemIds ?? []);
  return {
    today,
    deadlineDays,
    items: items.map((item) => ({
      ...item,
      deadline: reportDeadline(item, deadlineDays),
      overdue: isOverdue(item, deadlineDays, today),
      ...(inOpen.has(item.id) && open ? { batchId: open.id } : {}),
    })),
    overdue: items.filter((i) => isOverdue(i, deadlineDays, today)).length,
    openBatch: open,
    batches: batches
      .map((b) => b.sk as string)
      .sort()
      .reverse()
      .slice(0, 20)
      .map((id) => {
        const b = batches.find((x) => x.sk === id)!;
        return { id, state: b.state as string, items: (b.itemIds as string[]).length, openedAt: b.openedAt as string };
      }),
  };
}

export async function planOpenBatch(deps: Deps, actor: Actor): Promise<Plan> {
  const now = deps.clock();
  const [pointer, due] = await Promise.all([readPointer(deps), dueItems(deps)]);
  const opened = openBatch(pointer, due, actor, now);
  const { value, event } = await advance<StoredBatch>(
    eventStreamOf('report-batch', opened.batch.id),
    NEW_AGGREGATE,
    opened.batch,
    opened.event,
    actor,
    now,
  );
  return {
    writes: [pointerWrite(pointer, opened.pointer), batchWrite(value, null), { kind: 'event', value: event }],
    outcome: { status: 201, body: value },
  };
}

/** A lost race for the pointer is another batch opened (or closed) meanwhile: answered as the domain's conflict. */
export async function asBatchConflict<T>(deps: Deps, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof CommitConflict)) throw error;
    const pointer = await readPointer(deps);
    if (pointer.openBatchId) throw new DomainError('REPORT_BATCH_OPEN', `batch ${pointer.openBatchId} is open`);
    throw new DomainError('REPORT_BATCH_NOT_OPEN', 'the batch changed meanwhile');
  }
}

export async function planMarkReported(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { platformReference?: string },
): Promise<Plan> {
  const now = deps.clock();
  const [batch, pointer] = await Promise.all([loadBatch(deps, id), readPointer(deps)]);
  const decided = markBatchReported(batch, pointer, input, actor, now);
  const { value, event } = await advance<StoredBatch>(
    eventStreamOf('report-batch', id),
    batch,
    decided.batch,
    decided.event,
    actor,
    now,
  );
  const moves = (await batchItems(deps, batch)).flatMap((item): Write[] => [
    { kind: 'item', value: { ...keys.reportedItem(id, item.id), entity: 'national-report-item', ...item } },
    { kind: 'delete', key: keys.reportDueItem(item.id) },
  ]);
  return {
    writes: [
      pointerWrite(pointer, decided.pointer),
      batchWrite(value, batch.version),
      { kind: 'event', value: event },
      ...moves,
    ],
    outcome: { status: 200, body: value },
  };
}

/** A batch's items: in the due partition while it is open, in its own once reported. */
export async function batchItems(deps: Deps, batch: ReportBatch): Promise<ReportItem[]> {
  if (batch.state === 'reported') return (await queryAll(deps, keys.reportedItems(batch.id))).map(itemOf);
  const found = await Promise.all(
    batch.itemIds.map((itemId) => deps.store.getItem(keys.reportDueItem(itemId).pk, keys.reportDueItem(itemId).sk)),
  );
  return found.flatMap((f) => (f ? [itemOf(f)] : []));
}

export async function batchView(deps: Deps, actor: Actor, id: string) {
  requireStaff(actor);
  const batch = await loadBatch(deps, id);
  const [items, events] = await Promise.all([
    batchItems(deps, batch),
    deps.store.listEvents(eventStreamOf('report-batch', id)),
  ]);
  return { batch, items, events };
}

const SHEET = { name: '认证证书信息报送', columnsName: '字段说明 Columns' };

/**
 * The batch's file for the platform, in NATIONAL_REPORT_COLUMNS' order; the export is recorded in the batch's
 * audit trail (a lost race with another step is read again and recorded after it).
 */
export async function batchFile(
  deps: Deps,
  actor: Actor,
  id: string,
  format: ReportFormat,
): Promise<{ batch: ReportBatch; bytes: Buffer }> {
  requireStaff(actor);
  for (let attempt = 0; ; attempt++) {
    const batch = await loadBatch(deps, id);
    const rows = (await batchItems(deps, batch)).map((item) => ({ item, body: deps.config.certificationBody }));
    const bytes =
      format === 'csv'
        ? Buffer.from(toCsv(NATIONAL_REPORT_COLUMNS, rows, { bom: true, forSpreadsheet: true }), 'utf8')
        : await workbookOf(NATIONAL_REPORT_COLUMNS, rows, SHEET);
    const now = deps.clock();
    const { value, event } = await advance<StoredBatch>(
      eventStreamOf('report-batch', id),
      batch,
      batch,
      exportEvent(batch, format),
      actor,
      now,
    );
    try {
      await deps.store.commit({ writes: [batchWrite(value, batch.version), { kind: 'event', value: event }] });
      return { batch: value, bytes };
    } catch (error) {
      if (!(error instanceof CommitConflict) || attempt >= 4) throw error;
    }
  }
}
