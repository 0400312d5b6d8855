/** Hash routes of the console: `#/<view>/<param>`. The default view depends on the person's roles. */
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

/** Where each person starts: the queue that waits for them. */
export function homeOf(user: SessionUser): string {
  if (user.roles.includes('admin')) return '#/queues/submitted';
  if (user.roles.includes('evaluator')) return '#/queues/accepted';
  if (user.roles.includes('committee')) return '#/queues/scored';
  return '#/mine';
}
