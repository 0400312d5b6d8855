/**
 * The daily sweep's own run of the log monitor (shared/transparency-log/monitor.ts, the code `npm run monitor`
 * runs): against what this deployment publishes, consistent with the checkpoint it verified the day before. A
 * finding, or a monitor that could not run, is logged and counted (LOG_MONITOR_FAILED_METRIC, which the alarm
 * watches), never thrown: the rest of the sweep goes on.
 */
import { LOG_MONITOR_FAILED_METRIC } from '../../shared/deployment-env';
import { type MonitorReport, monitorLog } from '../../shared/transparency-log/monitor';
import { log } from '../http/log';
import { countMetric } from '../observability/metrics';
import { readLogHead } from '../transparency-log/integrator';
import { registryMonitorSource } from '../transparency-log/monitor-source';
import { keepMonitorState, readMonitorState } from '../transparency-log/monitor-state';
import { logObjectsOn } from '../transparency-log/objects';
import type { Deps } from './deps';

export type LogMonitorRun =
  | { ran: false; reason: string }
  | ({ ran: true } & Omit<MonitorReport, 'state'> & {
        /** The verified checkpoint was kept for the next run (false after a finding, or when another run won). */
        kept: boolean;
      });

const LOGGED_FINDINGS = 50;

export async function monitorOwnLog(deps: Deps): Promise<LogMonitorRun> {
  const run = await runMonitor(deps);
  if (run.ran) {
    // 0 on a clean run too: the alarm's period then has data, and it goes back to OK once the log is honest again.
    countMetric(LOG_MONITOR_FAILED_METRIC, run.ok ? 0 : 1);
    if (!run.ok) {
      // A table rewritten wholesale makes a finding per certificate: the first ones say what happened, within one
      // log event's size.
      log.error('log monitor found a problem', {
        findings: run.findings.slice(0, LOGGED_FINDINGS),
        more: Math.max(0, run.findings.length - LOGGED_FINDINGS),
        size: run.size,
      });
    }
  }
  return run;
}

async function runMonitor(deps: Deps): Promise<LogMonitorRun> {
  if (!deps.objects) return { ran: false, reason: 'this deployment publishes no log' };
  const now = deps.clock();
  try {
    const previous = await readMonitorState(deps.store);
    // Nothing integrated yet and nothing verified before: there is no log to check (a new deployment).
    if (!previous && !(await readLogHead(deps.store))) return { ran: false, reason: 'the log has no checkpoint yet' };
    const source = registryMonitorSource(deps.store, logObjectsOn(deps.objects), now);
    const { state, ...report } = await monitorLog({ source, now, ...(previous ? { state: previous.state } : {}) });
    const kept = state ? await keepMonitorState(deps.store, previous, state, now) : false;
    return { ran: true, ...report, kept };
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    return {
      ran: true,
      ok: false,
      findings: [`the monitor could not run: ${message}`],
      size: 0,
      checked: 0,
      pending: 0,
      kept: false,
    };
  }
}
