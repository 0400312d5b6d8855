/**
 * The daily schedule of `npm start`: the sweep and the reminders at start, then every hour (the work is idempotent,
 * so running more often than daily only makes a laptop that slept catch up sooner). Runs never overlap.
 */
import { log } from '../http/log';
import { OutboxNotifier } from '../notify/outbox';
import type { Notifier } from '../notify/port';
import type { Deps } from '../service/deps';
import { type DailyReport, runDailyOperations } from '../service/sweep';

export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface SweepTimer {
  /** Runs now unless a run is under way; resolves with its report (or null when one was already running). */
  runNow(): Promise<DailyReport | null>;
  stop(): Promise<void>;
}

export function startSweepTimer(
  deps: Deps,
  options: { intervalMs?: number; notifier?: Notifier; onReport?: (report: DailyReport) => void } = {},
): SweepTimer {
  const notifier = options.notifier ?? new OutboxNotifier();
  let running: Promise<DailyReport | null> | null = null;
  const runNow = (): Promise<DailyReport | null> => {
    if (running) return Promise.resolve(null);
    running = runDailyOperations(deps, notifier)
      .then((report) => {
        options.onReport?.(report);
        return report;
      })
      .catch((error: unknown) => {
        log.error('sweep failed', { error: String((error as Error)?.stack ?? error) });
        return null;
      })
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void runNow(), options.intervalMs ?? SWEEP_INTERVAL_MS);
  timer.unref();
  void runNow();
  return {
    runNow,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
