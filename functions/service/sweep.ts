/**
 * The daily sweep: reads only what is due through the status/next-action index (never a scan), and applies the
 * lifecycle's own sweep act to each, one transaction per certificate. Running it twice, or twice at once, changes
 * nothing more: a certificate already moved is no longer due, and a lost race is a conflict that is simply skipped.
 */
import { chinaDate } from '../../shared/calendar';
import { applySweepAction } from '../../shared/lifecycle/certificate';
import { sweepActionFor } from '../../shared/lifecycle/certificate-dates';
import { SYSTEM_SWEEP, type Certificate } from '../../shared/model';
import { CommitConflict } from '../../shared/store/port';
import type { Deps } from './deps';
import { planCertificateChange } from './certificates';

export interface SweepReport {
  today: string;
  read: number;
  changed: { number: string; action: string }[];
  conflicts: number;
}

export async function runSweep(deps: Deps): Promise<SweepReport> {
  const now = deps.clock();
  const today = chinaDate(now);
  const report: SweepReport = { today, read: 0, changed: [], conflicts: 0 };
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

async function sweepOne(deps: Deps, indexed: Certificate, now: Date, report: SweepReport) {
  const action = sweepActionFor(indexed, chinaDate(now));
  if (!action) return;
  try {
    const plan = await planCertificateChange(deps, SYSTEM_SWEEP, indexed, applySweepAction(indexed, action, SYSTEM_SWEEP, now), now);
    await deps.store.commit({ writes: plan.writes });
    report.changed.push({ number: indexed.number, action });
  } catch (error) {
    // Another sweep (or a member of staff) changed it first; the next run sees its new state.
    if (error instanceof CommitConflict) report.conflicts++;
    else throw error;
  }
}
