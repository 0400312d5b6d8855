/**
 * Queues of cases by state for staff (an evaluator starts at the cases to review, the committee at the cases to
 * decide), and for an applicant its own applications and certificates.
 */
import { APPLICATION_STATES, type Application, type Certificate } from '../../../../shared/model';
import type { Page } from '../../../../shared/store/port';
import { h, hl, replaceChildren } from '../../common/dom';
import { formatDate } from '../../common/format';
import { reasonLabel, statusLabel } from '../../common/labels';
import { loadPaged } from '../../common/paged';
import { apiGet } from '../client';
import type { ConsoleContext } from '../context';
import { L, stateLabel } from '../messages';
import { badge, bi, biText, loading, problemBox } from '../ui';

function applicationRow(a: Application): HTMLElement {
  return h(
    'li',
    { class: 'row', 'data-id': a.id },
    h('a', { href: `#/case/${a.id}`, class: 'row-title' }, a.organization.name),
    h(
      'span',
      { class: 'row-meta' },
      h('code', null, a.organization.creditCode),
      ' · ',
      formatDate(a.submittedAt.slice(0, 10)),
      a.kind === 'renewal' ? [' · ', ...bi(L.lists.renewal)] : null,
    ),
    badge(stateLabel(a.state), 'info'),
  );
}

export function certificateRow(c: Certificate): HTMLElement {
  const last = c.statusHistory.at(-1);
  return h(
    'li',
    { class: 'row', 'data-number': c.number },
    h('a', { href: `#/certificate/${c.number}`, class: 'row-title' }, c.number),
    h(
      'span',
      { class: 'row-meta' },
      c.organization.name,
      ' · ',
      `${formatDate(c.validFrom)} – ${formatDate(c.validUntil)}`,
    ),
    badge(statusLabel(c.status), c.status === 'valid' ? 'good' : c.status === 'suspended' ? 'warn' : 'bad'),
    // Why it is in this queue: the reason of its last status change (surveillance overdue, for cause, …).
    last && last.reasonCategory !== 'issued'
      ? h('span', { class: 'row-reason' }, formatDate(last.date), ' ', ...bi(reasonLabel(last.reasonCategory)))
      : null,
  );
}

/** A list that loads page by page ("load more" keeps the cursor the API gave). */
export async function pagedList<T>(path: string, row: (item: T) => HTMLElement, label: string): Promise<HTMLElement> {
  const list = h('ul', { class: 'rows', 'aria-label': label });
  const more = h('div', { class: 'more' });
  await loadPaged<T>({
    list,
    more,
    fetchPage: async (cursor) => {
      const res = await apiGet<Page<T>>(cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path);
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

export async function queuesView(_ctx: ConsoleContext, main: HTMLElement, state: string): Promise<void> {
  const current = (APPLICATION_STATES as readonly string[]).includes(state) ? state : 'submitted';
  const tabs = h(
    'nav',
    { class: 'tabs', 'aria-label': biText(L.lists.applicationStates) },
    APPLICATION_STATES.map((s) =>
      h(
        'a',
        { href: `#/queues/${s}`, class: 'tab', 'aria-current': s === current ? 'page' : null },
        ...bi(stateLabel(s)),
      ),
    ),
  );
  replaceChildren(main, h('h1', null, ...bi(L.queues)), tabs, loading());
  const label = biText(stateLabel(current));
  replaceChildren(
    main,
    h('h1', null, ...bi(L.queues)),
    tabs,
    h('h2', null, ...bi(stateLabel(current))),
    await pagedList(`/v1/staff/applications?state=${current}&limit=50`, applicationRow, label),
  );
}

export async function mineView(_ctx: ConsoleContext, main: HTMLElement): Promise<void> {
  replaceChildren(main, h('h1', null, ...bi(L.mine)), loading());
  const [apps, certs] = await Promise.all([
    apiGet<Page<Application>>('/v1/staff/applications?limit=100'),
    apiGet<{ items: Certificate[] }>('/v1/staff/certificates'),
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
