/**
 * What falls due, week by week: surveillance audits to plan and renewals to chase, from the due list of the API
 * (an applicant sees its own certificates). Overdue items come first; the sweep suspends them the day after.
 */
import { type DueEntry, type DueWeek, groupByWeek } from '../../../../shared/operations';
import { h, replaceChildren } from '../../common/dom';
import { formatDate } from '../../common/format';
import { apiGet } from '../client';
import type { ConsoleContext } from '../context';
import { DUE_KIND_LABELS, fill, L, levelMsg } from '../messages';
import { badge, bi, biText, field, loading, problemBox } from '../ui';

const WINDOWS = [30, 60, 90, 180] as const;

function entryRow(e: DueEntry): HTMLElement {
  const days = e.daysLeft < 0 ? fill(L.dueWeeks.overdue, { n: -e.daysLeft }) : fill(L.dueWeeks.left, { n: e.daysLeft });
  return h(
    'li',
    { class: 'row', 'data-number': e.number, 'data-kind': e.kind },
    h('a', { href: `#/certificate/${e.number}`, class: 'row-title' }, e.number),
    h('span', { class: 'row-meta' }, e.organization.name, ' · ', ...bi(levelMsg(e.level)), ' · ', formatDate(e.due)),
    badge(days, e.daysLeft < 0 ? 'bad' : e.daysLeft <= 30 ? 'warn' : 'info'),
    e.postponed ? badge(L.postponed) : null,
    e.renewalOpen ? badge(L.dueWeeks.renewalOpen, 'good') : null,
  );
}

function weekSection(week: DueWeek): HTMLElement {
  const column = (kind: 'surveillance' | 'renewal') =>
    week[kind].length
      ? h(
          'div',
          { class: 'due-kind' },
          h('h3', null, ...bi(DUE_KIND_LABELS[kind]), ` (${week[kind].length})`),
          h('ul', { class: 'rows' }, week[kind].map(entryRow)),
        )
      : null;
  return h(
    'section',
    { class: 'card due-week', 'data-week': week.week },
    h('h2', null, ...bi(fill(L.dueWeeks.week, { date: formatDate(week.week), week: week.week }))),
    h(
      'p',
      { class: 'muted' },
      ...bi(fill(L.dueWeeks.weekCounts, { s: week.surveillance.length, r: week.renewal.length })),
    ),
    column('surveillance'),
    column('renewal'),
  );
}

export async function dueView(_ctx: ConsoleContext, main: HTMLElement, param: string): Promise<void> {
  const within = (WINDOWS as readonly number[]).includes(Number(param)) ? Number(param) : 60;
  const select = h(
    'select',
    { name: 'within' },
    WINDOWS.map((w) => h('option', { value: w, selected: w === within }, biText(fill(L.dueWeeks.days, { n: w })))),
  );
  select.addEventListener('change', () => (location.hash = `#/due/${select.value}`));
  const head = [h('h1', null, ...bi(L.due)), h('form', { class: 'toolbar' }, field(L.dueWeeks.window, select))];
  replaceChildren(main, ...head, loading());
  // Renewal is started months ahead: its window is wider than the surveillance window by the gap of their thresholds.
  const res = await apiGet('/v1/staff/due', {
    query: { surveillanceWithin: within, renewalWithin: Math.min(within + 120, 366) },
  });
  if (res.kind !== 'ok') return replaceChildren(main, ...head, problemBox(res));
  const weeks = groupByWeek(res.body.items);
  const summary = h(
    'p',
    { class: 'summary', role: 'status' },
    ...bi(
      fill(L.dueWeeks.summary, {
        today: res.body.today,
        s: res.body.items.filter((i) => i.kind === 'surveillance').length,
        r: res.body.items.filter((i) => i.kind === 'renewal').length,
      }),
    ),
  );
  replaceChildren(
    main,
    ...head,
    summary,
    res.body.truncated ? h('p', { class: 'warning' }, ...bi(L.dueWeeks.truncated)) : null,
    weeks.length ? weeks.map(weekSection) : h('p', { class: 'muted' }, ...bi(L.empty)),
  );
}
