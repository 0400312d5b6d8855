/**
 * The case queues staff work from (shared/lifecycle/queues.ts), a tab per state with its count: every case for an
 * administrator, an evaluator's own cases, the cases a committee member may decide; and for an applicant its own
 * applications and certificates.
 */
import { CASE_DUE_RULES } from '../../../../shared/lifecycle/case-due';
import { CASE_QUEUE_SPECS, caseQueuesOf } from '../../../../shared/lifecycle/queues';
import { type ApplicationState, CASE_QUEUES, type CaseQueue } from '../../../../shared/model';
import { h, hl, replaceChildren } from '../../common/dom';
import { loadPaged } from '../../common/paged';
import type { AnswerOf, Inputs } from '../../common/typed-api';
import type { ItemOf, PagedPath } from '../answers';
import { apiGet } from '../client';
import type { ConsoleContext } from '../context';
import { L, stateLabel } from '../messages';
import type { SessionUser } from '../session';
import { bi, biText, loading, problemBox } from '../ui';
import { caseSearchBox } from './case-search';
import { orderSwitch, type QueueOrder, sortedTab } from './queue-order';
import { applicationRow, certificateRow } from './rows';

/** A list that loads page by page ("load more" keeps the cursor the API gave). */
export async function pagedList<P extends PagedPath>(
  path: P,
  inputs: Inputs<P, 'get'>,
  row: (item: ItemOf<AnswerOf<P, 'get'>>) => HTMLElement,
  label: string,
): Promise<HTMLElement> {
  const list = h('ul', { class: 'rows', 'aria-label': label });
  const more = h('div', { class: 'more' });
  await loadPaged<ItemOf<AnswerOf<P, 'get'>>>({
    list,
    more,
    fetchPage: async (cursor) => {
      const query = { ...inputs.query, ...(cursor ? { cursor } : {}) } as Inputs<P, 'get'>['query'];
      const res = await apiGet(path, { ...inputs, query });
      if (res.kind === 'ok') return res.body;
      replaceChildren(more, problemBox(res));
      return null;
    },
    item: row,
    moreButton: (next) => hl('button', { type: 'button', class: 'button' }, { click: next }, ...bi(L.more)),
    loaded: (count) => {
      if (!count) list.append(h('li', { class: 'muted empty' }, ...bi(L.empty)));
    },
  });
  return h('div', null, list, more);
}

/**
 * `#/queues/<queue>/<state>[/received]`; a bare `#/queues/<state>` is every case in that state. An open state's tab
 * is sorted by due date, or by the day received.
 */
function queueRoute(
  user: SessionUser,
  param: string,
): { queue: CaseQueue; state: ApplicationState; order: QueueOrder } {
  const held = caseQueuesOf(user);
  const [first = '', second = '', third = ''] = param.split('/');
  const named = (CASE_QUEUES as readonly string[]).includes(first) ? (first as CaseQueue) : null;
  const queue = named && held.includes(named) ? named : (held[0] ?? 'all');
  const states = CASE_QUEUE_SPECS[queue].states;
  const asked = named ? second : first;
  const state = (states as readonly string[]).includes(asked)
    ? (asked as ApplicationState)
    : (states[0] ?? 'submitted');
  const order: QueueOrder = (named ? third : second) === 'received' ? 'received' : 'due';
  return { queue, state, order };
}

function queueTabs(queue: CaseQueue, current: ApplicationState, counts: Partial<Record<ApplicationState, number>>) {
  return h(
    'nav',
    { class: 'tabs', 'aria-label': biText(L.lists.applicationStates) },
    CASE_QUEUE_SPECS[queue].states.map((s) =>
      h(
        'a',
        {
          href: `#/queues/${queue}/${s}`,
          class: 'tab',
          'data-state': s,
          'aria-current': s === current ? 'page' : null,
        },
        ...bi(stateLabel(s)),
        counts[s] !== undefined ? h('span', { class: 'tab-count', 'data-count': String(counts[s]) }, counts[s]) : null,
      ),
    ),
  );
}

export async function queuesView(ctx: ConsoleContext, main: HTMLElement, param: string): Promise<void> {
  const { queue, state, order } = queueRoute(ctx.user, param);
  const held = caseQueuesOf(ctx.user);
  const switcher =
    held.length > 1
      ? h(
          'nav',
          { class: 'tabs queue-switch', 'aria-label': biText(L.lists.caseQueues) },
          held.map((q) =>
            h(
              'a',
              {
                href: `#/queues/${q}/${CASE_QUEUE_SPECS[q].states[0]}`,
                class: 'tab',
                'data-queue': q,
                'aria-current': q === queue ? 'page' : null,
              },
              ...bi(L.caseQueues[q]),
            ),
          ),
        )
      : null;
  const title = h('h1', { 'data-queue': queue }, ...bi(L.caseQueues[queue]));
  const search = caseSearchBox();
  replaceChildren(main, title, search, switcher, queueTabs(queue, state, {}), loading());
  const [counts, list] = await Promise.all([
    apiGet('/v1/staff/case-queue-counts', { query: { queue } }),
    CASE_DUE_RULES[state]
      ? sortedTab({ queue, state }, order, biText(stateLabel(state)))
      : pagedList(
          '/v1/staff/applications',
          { query: { queue, state, limit: 50 } },
          applicationRow,
          biText(stateLabel(state)),
        ),
  ]);
  replaceChildren(
    main,
    title,
    search,
    switcher,
    queueTabs(queue, state, counts.kind === 'ok' ? counts.body.counts : {}),
    counts.kind === 'ok' ? null : problemBox(counts),
    h('h2', null, ...bi(stateLabel(state))),
    CASE_DUE_RULES[state] ? orderSwitch(queue, state, order) : null,
    list,
  );
}

export async function mineView(_ctx: ConsoleContext, main: HTMLElement): Promise<void> {
  replaceChildren(main, h('h1', null, ...bi(L.mine)), loading());
  const [apps, certs] = await Promise.all([
    apiGet('/v1/staff/applications', { query: { limit: 100 } }),
    apiGet('/v1/staff/certificates'),
  ]);
  replaceChildren(
    main,
    h('h1', null, ...bi(L.mine)),
    h('p', null, h('a', { href: '#/new', class: 'button button-primary' }, '+ ', ...bi(L.newApplication))),
    h('h2', null, ...bi(L.lists.myCertificates)),
    certs.kind === 'ok'
      ? h(
          'ul',
          { class: 'rows', 'aria-label': biText(L.lists.myCertificates) },
          certs.body.items.length ? certs.body.items.map(certificateRow) : h('li', { class: 'muted' }, ...bi(L.empty)),
        )
      : problemBox(certs),
    h('h2', null, ...bi(L.lists.myApplications)),
    apps.kind === 'ok'
      ? h(
          'ul',
          { class: 'rows', 'aria-label': biText(L.lists.myApplications) },
          apps.body.items.length ? apps.body.items.map(applicationRow) : h('li', { class: 'muted' }, ...bi(L.empty)),
        )
      : problemBox(apps),
  );
}
