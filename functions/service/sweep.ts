/**
 * The daily sweep: reads only what is due through the status/next-action index (never a scan), and applies the
 * lifecycle's own sweep act to each, one transaction per certificate, dated the day it runs. Running it twice, or
 * twice at once, changes nothing more: a certificate already moved is no longer due, and the loser of a race
 * re-reads the certificate and finds nothing left to do. A failure on one certificate never stops the others.
 */

import { chinaDate } from '../../shared/calendar';
import { DOCUMENT_LIMITS } from '../../shared/case-documents/limits';
import { applySweepAction } from '../../shared/lifecycle/certificate';
import { sweepActionFor } from '../../shared/lifecycle/certificate-dates';
import { type Certificate, SYSTEM_SWEEP } from '../../shared/model';
import { CommitConflict } from '../../shared/store/port';
import type { Notifier } from '../notify/port';
import { deliverQueuedNotices, type NoticeReport } from '../notify/queue';
import { planCertificateChange } from './certificates';
import type { Deps } from './deps';
import { type LogMonitorRun, monitorOwnLog } from './log-monitor';
import { continueMarkReissues, type ReissueReport, SWEEP_BUDGET } from './mark-reissue';
import { remindOverdueMatters } from './matter-reminders';
import { type OpenDataRun, publishOpenData } from './open-data/run';
import { type ReminderReport, sendReminders } from './reminders';

export interface SweepReport {
  today: string;
  /** Certificates the due index returned: only what is due, so this is the sweep's whole read cost. */
  read: number;
  changed: { number: string; action: string }[];
  /** Lost races: another sweep or a member of staff changed the certificate between the read and the write. */
  conflicts: number;
  failed: { number: string; error: string }[];
}

export async function runSweep(deps: Deps): Promise<SweepReport> {
  const now = deps.clock();
  const today = chinaDate(now);
  const report: SweepReport = { today, read: 0, changed: [], conflicts: 0, failed: [] };
  for (const status of ['valid', 'suspended'] as const) {
    let cursor: string | undefined;
    do {
      const page = await deps.store.listCertificatesDue({ status, onOrBefore: today, cursor, limit: 100 });
      report.read += page.items.length;
      for (const certificate of page.items) await sweepOne(deps, certificate, now, report);
      cursor = page.cursor;
    } while (cursor);
  }
  return report;
}

/**
 * The index copy may lag the item (GSIs are eventually consistent) or lose a race; then the certificate is read
 * again, consistently, and acted on only if it is still due.
 */
async function sweepOne(deps: Deps, indexed: Certificate, now: Date, report: SweepReport): Promise<void> {
  let current: Certificate | undefined = indexed;
  for (let attempt = 0; current && attempt < 2; attempt++) {
    const action = sweepActionFor(current, chinaDate(now));
    if (!action) return;
    try {
      const plan = await planCertificateChange(
        deps,
        SYSTEM_SWEEP,
        current,
        applySweepAction(current, action, SYSTEM_SWEEP, now),
        now,
      );
      await deps.store.commit({ writes: plan.writes });
      report.changed.push({ number: current.number, action });
      return;
    } catch (error) {
      if (!(error instanceof CommitConflict)) {
        report.failed.push({ number: current.number, error: String((error as Error)?.message ?? error) });
        return;
      }
      report.conflicts++;
      current = await deps.store.getCertificate(current.number);
    }
  }
}

export interface DailyReport {
  sweep: SweepReport;
  reminders: ReminderReport;
  /** Complaints, reports and appeals whose answer is overdue, reminded once per deadline. */
  matters: ReminderReport;
  /** Marks of revoked keys re-signed by this run (what the revocation request left), and notices sent. */
  marks: ReissueReport;
  notices: NoticeReport;
  /** Matters' replies tried again by e-mail (SES in AWS), where the sweep was given a sender address. */
  replies?: NoticeReport;
  /** The transparency log checked against the public records and yesterday's checkpoint. */
  monitor: LogMonitorRun;
  /** The day's open-data export of the public register, with its signed manifest. */
  openData: OpenDataRun;
  /** Uploads never confirmed, deleted from a store without lifecycle rules (locally); absent in AWS. */
  unconfirmedUploads?: { expired: number };
}

/**
 * What the schedule runs each day: status changes first, so that a certificate just suspended is not reminded; then
 * the re-signing a revocation left unfinished, and the notices queued by requests that had no channel; then the
 * open-data export of the register as the day's changes left it; the log monitor last, so that however long it
 * takes, the day's changes are made (the ones not yet integrated into a checkpoint are counted as pending, not
 * compared).
 */
/**
 * What the documents bucket's lifecycle rule does in AWS, for a store that has none: an upload requested and never
 * confirmed is deleted from pending/ once it is `pendingDays` old (by the sweep's clock, so `--now` travels too).
 */
async function expireUnconfirmedUploads(deps: Deps): Promise<{ expired: number } | undefined> {
  if (!deps.documents?.expireUnconfirmed) return undefined;
  const before = new Date(deps.clock().getTime() - DOCUMENT_LIMITS.pendingDays * 86_400_000);
  return { expired: (await deps.documents.expireUnconfirmed(before)).length };
}

/**
 * `email` is the reply channel: a reply whose send failed as its matter closed is tried again here, with waits and a
 * bounded number of attempts (shared/complaints/reply-retry.ts), since the staff topic never carries one.
 */
export async function runDailyOperations(deps: Deps, notifier: Notifier, email?: Notifier): Promise<DailyReport> {
  const sweep = await runSweep(deps);
  const reminders = await sendReminders(deps, notifier);
  const matters = await remindOverdueMatters(deps, notifier);
  const marks = await continueMarkReissues(deps, SYSTEM_SWEEP, SWEEP_BUDGET);
  const notices = await deliverQueuedNotices(deps, notifier);
  const replies = email ? await deliverQueuedNotices(deps, email) : undefined;
  const openData = await publishOpenData(deps);
  const monitor = await monitorOwnLog(deps);
  const unconfirmedUploads = await expireUnconfirmedUploads(deps);
  return {
    sweep,
    reminders,
    matters,
    marks,
    notices,
    ...(replies ? { replies } : {}),
    openData,
    monitor,
    ...(unconfirmedUploads ? { unconfirmedUploads } : {}),
  };
}
