/**
 * Lambda entry: the daily sweep, the reminders, the replies tried again and the log monitor, run by the EventBridge
 * schedule. It fails the invocation when a certificate could not be handled or a message not sent, so that the
 * schedule's retry (harmless: the sweep is idempotent, and a reply that failed waits its turn) and the function's
 * error alarm both see it. A problem the log monitor finds has its own metric and
 * alarm (functions/service/log-monitor.ts) and fails nothing: a retry would not make a rewritten log honest.
 */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SWEEP_COMPLETED_METRIC } from '../../shared/deployment-env';
import { log } from '../http/log';
import { emailNotifierFromEnvironment } from '../notify/email-from-env';
import { notifierFromEnvironment } from '../notify/from-env';
import { countMetric } from '../observability/metrics';
import { instrumented, traced } from '../observability/powertools';
import { runDailyOperations } from '../service/sweep';
import { signingDeps } from './signing-deps';

const notifier = notifierFromEnvironment();
/** Replies whose send failed as their matter closed are tried again by SES, from the one sender address allowed. */
const email = emailNotifierFromEnvironment(process.env, () => traced(new SESv2Client({})));

export const handler = instrumented(
  async (): Promise<{ read: number; changed: number; conflicts: number; reminded: number }> => {
    const { sweep, reminders, marks, notices, replies, openData, monitor } = await runDailyOperations(
      await signingDeps(),
      notifier,
      email,
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
      // Replies sent on a retry, and those given up (their matters marked for staff).
      replies: replies ? { sent: replies.sent, givenUp: replies.givenUp } : 'no sender address',
      openData: openData.ran && openData.ok ? { date: openData.date, files: openData.manifest.files.length } : openData,
      // The findings themselves are in the monitor's own line ('log monitor found a problem').
      monitor: monitor.ran ? { ...monitor, findings: monitor.findings.length } : monitor,
    });
    const failures = [
      ...sweep.failed,
      ...reminders.failed,
      ...marks.failed,
      ...notices.failed,
      ...(replies?.failed ?? []),
    ];
    if (failures.length) {
      log.error('sweep had failures', { failures });
      throw new Error(`sweep: ${failures.length} item(s) failed`);
    }
    // The sweep-silence alarm waits for this: a run that completed, every certificate handled.
    countMetric(SWEEP_COMPLETED_METRIC);
    return summary;
  },
);
