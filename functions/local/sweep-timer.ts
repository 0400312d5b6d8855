/**
 * The daily schedule of `npm start`: the sweep and the reminders at start, then every hour (the work is idempotent,
 * so running more often than daily only makes a laptop that slept catch up sooner). Runs never overlap.
 */
import { log } from '../http/log';
import { OutboxNotifier } from '../notify/outbox';
import type { Deps } from '../service/deps';
import { type DailyReport, runDailyOperations } from '../service/sweep';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface SweepTimer {
  /** Clears the schedule and waits for a run under way. */
  stop(): Promise<void>;
}

export function startSweepTimer(deps: Deps, onReport: (report: DailyReport) => void): SweepTimer {
  const notifier = new OutboxNotifier();
  let running: Promise<DailyReport | null> | null = null;
  const runNow = (): Promise<DailyReport | null> => {
    if (running) return Promise.resolve(null);
    running = runDailyOperations(deps, notifier)
      .then((report) => {
        onReport(report);
        return report;
      })
      .catch((error: unknown) => {
        log.error('sweep failed', { error: String((error as Error)?.stack ?? error) });
        return null;
      })
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void runNow(), SWEEP_INTERVAL_MS);
  timer.unref();
  void runNow();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
