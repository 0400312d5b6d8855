/**
 * A queue's open tab in the order a person works it: soonest due first (the overdue at the top), or by the day each
 * case came in. A tab of open cases holds the work in hand, so it is read whole (a page of 100 at a time) and sorted
 * here: a sort of the first page alone would hide an overdue case on the next.
 */
import { byDueDate, byReceived, type CaseDue } from '../../../../shared/lifecycle/case-due';
import type { ApplicationState, CaseQueue } from '../../../../shared/model';
import { h } from '../../common/dom';
import type { AnswerOf } from '../../common/typed-api';
import type { ItemOf } from '../answers';
import { apiGet } from '../client';
import { L } from '../messages';
import { bi, biText, problemBox } from '../ui';
import { applicationRow } from './rows';

export const QUEUE_ORDERS = ['due', 'received'] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];

type Queued = ItemOf<AnswerOf<'/v1/staff/applications', 'get'>> & { due: CaseDue | null };

export async function sortedTab(
  tab: { queue: CaseQueue; state: ApplicationState },
  order: QueueOrder,
  label: string,
): Promise<HTMLElement> {
  const items: Queued[] = [];
  let cursor: string | undefined;
  do {
    const res = await apiGet('/v1/staff/applications', {
      query: { ...tab, limit: 100, ...(cursor ? { cursor } : {}) },
    });
    if (res.kind !== 'ok') return problemBox(res);
    items.push(...res.body.items);
    cursor = res.body.cursor;
  } while (cursor);
  items.sort(order === 'due' ? byDueDate : byReceived);
  return h(
    'ul',
    { class: 'rows', 'aria-label': label, 'data-order': order },
    items.length ? items.map(applicationRow) : h('li', { class: 'muted empty' }, ...bi(L.empty)),
  );
}

export function orderSwitch(queue: CaseQueue, state: ApplicationState, current: QueueOrder): HTMLElement {
  const link = (order: QueueOrder) =>
    h(
      'a',
      {
        href: `#/queues/${queue}/${state}${order === 'due' ? '' : `/${order}`}`,
        class: 'tab',
        'data-order': order,
        'aria-current': order === current ? 'page' : null,
      },
      ...bi(order === 'due' ? L.caseDue.byDue : L.caseDue.byReceived),
    );
  return h(
    'nav',
    { class: 'tabs queue-order', 'aria-label': biText(L.caseDue.sort) },
    h('span', { class: 'muted' }, ...bi(L.caseDue.sort)),
    QUEUE_ORDERS.map(link),
  );
}
