/**
 * The daily sweep's reminders of matters whose answer is overdue (acknowledgement, then decision): each sent once
 * per matter, state and deadline through the notification port, claimed by the ledger like a certificate's.
 */
import { chinaDate } from '../../shared/calendar';
import { OPEN_MATTER_STATES, overdueNotice } from '../../shared/complaints';
import type { Notifier } from '../notify/port';
import type { Deps } from './deps';
import { mattersIn } from './matters';
import { type ReminderReport, remindOnce } from './reminders';

export async function remindOverdueMatters(deps: Deps, notifier: Notifier): Promise<ReminderReport> {
  const today = chinaDate(deps.clock());
  const open = (await Promise.all(OPEN_MATTER_STATES.map((state) => mattersIn(deps, state)))).flat();
  const notices = open.map((m) => overdueNotice(m, today)).filter((n) => n !== null);
  const report: ReminderReport = { today, due: notices.length, sent: [], alreadySent: 0, failed: [] };
  for (const notice of notices) await remindOnce(deps, notifier, notice, report);
  return report;
}
