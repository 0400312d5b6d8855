/**
 * What falls due, week by week: surveillance audits to plan and renewals to chase, from the due list of the API
 * (an applicant sees its own certificates). Overdue items come first; the sweep suspends them the day after.
 */
import { type DueEntry, type DueWeek, groupByWeek } from '../../../../shared/operations';
import { h, replaceChildren } from '../../common/dom';
import { formatDate } from '../../common/format';
import { apiGet } from '../client';
import type { ConsoleContext } from '../context';
import { DUE_KIND_LABELS, L, levelMsg } from '../labels';
import { badge, bi, field, loading, problemBox } from '../ui';

const WINDOWS = [30, 60, 90, 180] as const;

function entryRow(e: DueEntry): HTMLElement {
  const days =
    e.daysLeft < 0
      ? { zh: `已逾期 ${-e.daysLeft} 天`, en: `${-e.daysLeft} days overdue` }
      : { zh: `剩余 ${e.daysLeft} 天`, en: `${e.daysLeft} days left` };
  return h(
    'li',
    { class: 'row', 'data-number': e.number, 'data-kind': e.kind },
    h('a', { href: `#/certificate/${e.number}`, class: 'row-title' }, e.number),
    h('span', { class: 'row-meta' }, e.organization.name, ' · ', ...bi(levelMsg(e.level)), ' · ', formatDate(e.due)),
    badge(days, e.daysLeft < 0 ? 'bad' : e.daysLeft <= 30 ? 'warn' : 'info'),
    e.postponed ? badge({ zh: '已推迟', en: 'postponed' }) : null,
    e.renewalOpen ? badge({ zh: '再认证进行中', en: 'renewal open' }, 'good') : null,
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
    h('h2', null, ...bi({ zh: `${formatDate(week.week)} 当周`, en: `Week of ${week.week}` })),
    h(
      'p',
      { class: 'muted' },
      `监督审核 ${week.surveillance.length} · 再认证 ${week.renewal.length} `,
      h('span', { lang: 'en' }, `(surveillance ${week.surveillance.length}, renewal ${week.renewal.length})`),
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
    WINDOWS.map((w) => h('option', { value: w, selected: w === within }, `${w} 天 days`)),
  );
  select.addEventListener('change', () => (location.hash = `#/due/${select.value}`));
  const head = [
    h('h1', null, ...bi(L.due)),
    h(
      'form',
      { class: 'toolbar' },
      field({ zh: '查看范围（监督审核；再认证另加 120 天）', en: 'Window (surveillance; renewal +120 days)' }, select),
    ),
  ];
  replaceChildren(main, ...head, loading());
  // Renewal is started months ahead: its window is wider than the surveillance window by the gap of their thresholds.
  const res = await apiGet<{ today: string; items: DueEntry[]; truncated: boolean }>(
    `/v1/staff/due?surveillanceWithin=${within}&renewalWithin=${Math.min(within + 120, 366)}`,
  );
  if (res.kind !== 'ok') return replaceChildren(main, ...head, problemBox(res));
  const weeks = groupByWeek(res.body.items);
  const summary = h(
    'p',
    { class: 'summary', role: 'status' },
    ...bi({
      zh: `截至 ${res.body.today}：监督审核 ${res.body.items.filter((i) => i.kind === 'surveillance').length} 项，再认证 ${res.body.items.filter((i) => i.kind === 'renewal').length} 项`,
      en: `As of ${res.body.today}: ${res.body.items.filter((i) => i.kind === 'surveillance').length} surveillance, ${res.body.items.filter((i) => i.kind === 'renewal').length} renewal`,
    }),
  );
  replaceChildren(
    main,
    ...head,
    summary,
    res.body.truncated
      ? h('p', { class: 'warning' }, ...bi({ zh: '列表过长，仅显示前一部分', en: 'The list was cut short' }))
      : null,
    weeks.length ? weeks.map(weekSection) : h('p', { class: 'muted' }, ...bi(L.empty)),
  );
}
