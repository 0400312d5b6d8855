/**
 * The handling queue of complaints, counterfeit reports and appeals: the patterns among the reports first (each
 * number with the cities it was reported in and the reports themselves, so many reports of one number in one city
 * stand out), then every open matter oldest first with the day its next answer is owed. No contact is listed: the
 * API leaves it out of the queue.
 */
import {
  MATTER_KIND_LABELS,
  MATTER_STATE_LABELS,
  reportedNumberOf,
  type reportPatterns,
  type ShownMatter,
} from '../../../../shared/complaints';
import { h, replaceChildren } from '../../common/dom';
import { formatDate, formatInstant } from '../../common/format';
import { apiGet } from '../client';
import type { ConsoleContext } from '../context';
import { fill, L } from '../messages';
import { badge, bi, loading, problemBox } from '../ui';

export interface QueuedMatter {
  matter: ShownMatter;
  deadline: string | null;
}

type Patterns = ReturnType<typeof reportPatterns>;

/** The day an answer is owed, as a badge: red once it has passed (Beijing calendar, by the server's today). */
export function deadlineBadge(deadline: string | null, today: string): HTMLElement | null {
  if (!deadline) return null;
  const overdue = deadline < today;
  const msg = fill(overdue ? L.matters.overdue : L.matters.owedBy, { date: formatDate(deadline) });
  const el = badge(msg, overdue ? 'bad' : 'warn');
  el.dataset.deadline = deadline;
  return el;
}

const matterLink = (m: ShownMatter) =>
  h('a', { href: `#/matter/${encodeURIComponent(m.id)}`, 'data-matter': m.id }, m.id);

function numberRow(group: Patterns['byNumber'][number], open: readonly QueuedMatter[]): HTMLElement {
  const reports = open.filter(
    (o) => o.matter.kind === 'counterfeit-report' && reportedNumberOf(o.matter) === group.number,
  );
  const repeated = (group.cities[0]?.count ?? 0) > 1;
  return h(
    'li',
    { class: 'row', 'data-number': group.number, 'data-count': group.count, 'data-repeated': repeated ? '' : null },
    h('code', { class: 'row-title' }, group.number),
    badge(fill(L.matters.reports, { n: group.count }), repeated ? 'bad' : 'info'),
    repeated ? badge(L.matters.repeatedInCity, 'bad') : null,
    h(
      'span',
      { class: 'row-meta' },
      group.cities.flatMap((c, i) => [
        i > 0 ? ' · ' : null,
        h('span', { 'data-city': c.city, 'data-count': c.count }, `${c.city} ×${c.count}`),
      ]),
    ),
    h(
      'ul',
      { class: 'inline-list row-reason' },
      reports.map((o) => h('li', null, matterLink(o.matter))),
    ),
  );
}

function patternsSection(patterns: Patterns, open: readonly QueuedMatter[]): HTMLElement | null {
  if (!patterns.byNumber.length && !patterns.byCity.length) return null;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'patterns-title', 'data-patterns': '' },
    h('h2', { id: 'patterns-title' }, ...bi(L.matters.patterns)),
    h('p', { class: 'muted' }, ...bi(L.matters.patternsIntro)),
    h('h3', null, ...bi(L.matters.byNumber)),
    h(
      'ul',
      { class: 'rows', 'data-by': 'number' },
      patterns.byNumber.map((g) => numberRow(g, open)),
    ),
    h('h3', null, ...bi(L.matters.byCity)),
    h(
      'ul',
      { class: 'rows', 'data-by': 'city' },
      patterns.byCity.map((c) =>
        h(
          'li',
          { class: 'row', 'data-city': c.city, 'data-count': c.count },
          h('span', { class: 'row-title' }, c.city),
          badge(fill(L.matters.reports, { n: c.count }), c.count > 1 ? 'warn' : 'info'),
        ),
      ),
    ),
  );
}

function matterRow({ matter: m, deadline }: QueuedMatter, today: string): HTMLElement {
  const number = reportedNumberOf(m);
  return h(
    'li',
    { class: 'row', 'data-id': m.id, 'data-state': m.state, 'data-kind': m.kind },
    h('a', { href: `#/matter/${encodeURIComponent(m.id)}`, class: 'row-title' }, ...bi(MATTER_KIND_LABELS[m.kind])),
    badge(MATTER_STATE_LABELS[m.state], m.state === 'received' ? 'warn' : 'info'),
    deadlineBadge(deadline, today),
    h(
      'span',
      { class: 'row-meta' },
      formatInstant(m.receivedAt),
      number ? [' · ', h('code', null, number)] : null,
      m.seenAt?.city ? ` · ${m.seenAt.city}` : null,
      ' · ',
      ...bi(L.matters.handler),
      ' ',
      m.handlerSub ? h('code', { 'data-handler': m.handlerSub }, m.handlerSub) : bi(L.matters.unassigned),
    ),
  );
}

export async function mattersView(_ctx: ConsoleContext, main: HTMLElement): Promise<void> {
  const title = h('h1', null, ...bi(L.matters.title));
  replaceChildren(main, title, loading());
  const res = await apiGet('/v1/staff/matters');
  if (res.kind !== 'ok') return replaceChildren(main, title, problemBox(res));
  const { today, patterns } = res.body;
  const open: QueuedMatter[] = res.body.open;
  replaceChildren(
    main,
    title,
    patternsSection(patterns, open),
    h(
      'section',
      { 'aria-labelledby': 'open-title' },
      h('h2', { id: 'open-title' }, ...bi(fill(L.matters.open, { n: open.length }))),
      open.length
        ? h(
            'ul',
            { class: 'rows', 'data-open': '' },
            open.map((o) => matterRow(o, today)),
          )
        : h('p', { class: 'muted' }, ...bi(L.empty)),
    ),
  );
}
