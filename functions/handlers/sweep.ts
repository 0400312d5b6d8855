/**
 * Lambda entry: the daily sweep, the reminders and the log monitor, run by the EventBridge schedule. It fails the
 * invocation when a certificate could not be handled, so that the schedule's retry (harmless: the sweep is
 * idempotent) and the function's error alarm both see it. A problem the log monitor finds has its own metric and
 * alarm (functions/service/log-monitor.ts) and fails nothing: a retry would not make a rewritten log honest.
 */
import { SWEEP_COMPLETED_METRIC } from '../../shared/deployment-env';
import { log } from '../http/log';
import { notifierFromEnvironment } from '../notify/from-env';
import { countMetric } from '../observability/metrics';
import { instrumented } from '../observability/powertools';
import { runDailyOperations } from '../service/sweep';
import { signingDeps } from './signing-deps';

const notifier = notifierFromEnvironment();

export const handler = instrumented(
  async (): Promise<{ read: number; changed: number; conflicts: number; reminded: number }> => {
    const { sweep, reminders, marks, notices, openData, monitor } = await runDailyOperations(
      await signingDeps(),
      notifier,
    );
    const summary = {
      read: sweep.read,
      changed: sweep.changed.length,
      conflicts: sweep.conflicts,
      reminded: reminders.sent.length,
    };
    log.info('sweep finished', {
      ...summary,
      today: sweep.today,
      actions: sweep.changed,
      channel: notifier.channel,
      reminders: reminders.sent,
      marksReissued: marks.reissued,
      marksUnfinished: marks.unfinished,
      notices: notices.sent,
      openData: openData.ran && openData.ok ? { date: openData.date, files: openData.manifest.files.length } : openData,
      // The findings themselves are in the monitor's own line ('log monitor found a problem').
      monitor: monitor.ran ? { ...monitor, findings: monitor.findings.length } : monitor,
    });
    const failures = [...sweep.failed, ...reminders.failed, ...marks.failed, ...notices.failed];
    if (failures.length) {
      log.error('sweep had failures', { failures });
      throw new Error(`sweep: ${failures.length} item(s) failed`);
    }
    // The sweep-silence alarm waits for this: a run that completed, every certificate handled.
    countMetric(SWEEP_COMPLETED_METRIC);
    return summary;
  },
);
