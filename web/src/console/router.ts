/** Hash routes of the console: `#/<view>/<param>`. The default view depends on the person's roles. */
import { CASE_QUEUE_SPECS, caseQueuesOf } from '../../../shared/lifecycle/queues';
import type { SessionUser } from './session';

export interface Route {
  view: string;
  param: string;
}

export function parseRoute(hash: string): Route {
  const [view = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  let param = '';
  try {
    param = decodeURIComponent(rest.join('/'));
  } catch {
    param = '';
  }
  return { view, param };
}

/** Where each person starts: the first queue they work from (the evaluator's at its accepted cases), else their own. */
export function homeOf(user: SessionUser): string {
  const queue = caseQueuesOf(user)[0];
  if (!queue) return '#/mine';
  const states = CASE_QUEUE_SPECS[queue].states;
  return `#/queues/${queue}/${states[0]}`;
}
