/**
 * Reminders, run with the daily sweep: surveillance due within 60/30 days and renewal within 180/90 days, each sent
 * once through the notification port. The ledger claims a reminder before it is delivered, so a second run, or a
 * second runner at the same moment, sends nothing twice; a failed delivery gives the claim back for the next run.
 */
import { chinaDate } from '../../shared/calendar';
import {
  type DueWindow,
  dueList,
  type OutboxMessage,
  REMINDER_THRESHOLDS,
  remindersFor,
} from '../../shared/operations';
import { CommitConflict } from '../../shared/store/port';
import { alreadyClaimed, claim, markSent, release } from '../notify/ledger';
import type { Notifier } from '../notify/port';
import type { Deps } from './deps';
import { certificatesComingDue } from './due';

export interface ReminderReport {
  today: string;
  /** Reminders the due list called for today, sent now or before. */
  due: number;
  sent: string[];
  alreadySent: number;
  failed: { key: string; error: string }[];
}

const REMINDER_WINDOW: DueWindow = {
  surveillance: Math.max(...REMINDER_THRESHOLDS.surveillance),
  renewal: Math.max(...REMINDER_THRESHOLDS.renewal),
};

export async function sendReminders(deps: Deps, notifier: Notifier): Promise<ReminderReport> {
  const today = chinaDate(deps.clock());
  const { items } = await certificatesComingDue(deps, today, REMINDER_WINDOW);
  const reminders = remindersFor(dueList(items, today, REMINDER_WINDOW));
  const report: ReminderReport = { today, due: reminders.length, sent: [], alreadySent: 0, failed: [] };
  for (const reminder of reminders) await remindOnce(deps, notifier, reminder, report);
  return report;
}

/** Claims, delivers and records one message of the outbox, once however often it is asked for. */
export async function remindOnce(
  deps: Deps,
  notifier: Notifier,
  reminder: OutboxMessage,
  report: Pick<ReminderReport, 'sent' | 'alreadySent' | 'failed'>,
): Promise<void> {
  // A read first: most days most reminders in the window were sent already, and a read is cheaper than a refused write.
  if (await alreadyClaimed(deps.store, reminder)) return void report.alreadySent++;
  const claimed = claim(reminder, notifier.channel, deps.clock());
  try {
    await deps.store.commit({ writes: claimed.writes });
  } catch (error) {
    if (error instanceof CommitConflict) return void report.alreadySent++;
    throw error;
  }
  let delivery: Awaited<ReturnType<typeof notifier.deliver>>;
  try {
    delivery = await notifier.deliver(reminder);
  } catch (error) {
    await deps.store.commit({ writes: release(claimed.item) });
    report.failed.push({ key: reminder.key, error: String((error as Error)?.message ?? error) });
    return;
  }
  await deps.store.commit({ writes: [markSent(claimed.item, delivery, deps.clock())] });
  report.sent.push(reminder.key);
}
