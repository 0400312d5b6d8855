/**
 * The open-data export as the daily run makes it: skipped where the function holds no object store or status key
 * (said so), and a failure logged and reported, never stopping the rest of the run.
 */
import { log } from '../../http/log';
import type { Deps } from '../deps';
import { exportOpenData, type OpenDataReport } from './export';

export type OpenDataRun =
  | { ran: false; reason: string }
  | ({ ran: true; ok: true } & OpenDataReport)
  | {
      ran: true;
      ok: false;
      error: string;
    };

export async function publishOpenData(deps: Deps): Promise<OpenDataRun> {
  if (!deps.objects || !deps.statusKeys) return { ran: false, reason: 'no object store or status key here' };
  try {
    return { ran: true, ok: true, ...(await exportOpenData(deps)) };
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    log.error('open-data export failed', { error: message });
    return { ran: true, ok: false, error: message };
  }
}
