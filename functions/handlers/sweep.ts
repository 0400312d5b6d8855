/** Lambda entry: the daily sweep, run by the EventBridge schedule. */
import { log } from '../http/log';
import { runSweep } from '../service/sweep';
import { awsDeps } from './aws-deps';

export const handler = async (): Promise<{ read: number; changed: number; conflicts: number }> => {
  const report = await runSweep(await awsDeps());
  log.info('sweep finished', { ...report, changed: report.changed.length });
  return { read: report.read, changed: report.changed.length, conflicts: report.conflicts };
};
