/**
 * The monthly public figures of counterfeit reports in the about section: how many were received and how many
 * handled, month by month (Beijing), as the registry publishes them — counts only, nothing of any report. Fetched
 * after the page is shown, so the first load neither waits for it nor fails without it.
 */
import { h } from '../common/dom';
import { t } from '../common/i18n';
import { type AnswerOf, apiGet } from '../common/typed-api';
import { M } from './messages';

/** The months shown: the latest year; the open-data export keeps every month. */
const SHOWN_MONTHS = 12;

export type ReportFigures = AnswerOf<'/v1/reports/figures', 'get'>;

export async function fetchReportFigures(signal: AbortSignal): Promise<ReportFigures | null> {
  const res = await apiGet('/v1/reports/figures', undefined, { signal });
  return res.kind === 'ok' && Array.isArray(res.body?.months) ? res.body : null;
}

const count = (n: unknown) => (Number.isFinite(Number(n)) ? String(Number(n)) : '—');

/** The figures as a table, newest month first; `undefined` while they are on their way, null when unavailable. */
export function reportFiguresView(figures: ReportFigures | null | undefined): Node {
  if (figures === undefined) return h('p', { class: 'figures-note' }, t(M.loading));
  if (figures === null) return h('p', { class: 'figures-note' }, t(M.figuresUnavailable));
  const months = figures.months.slice(-SHOWN_MONTHS).reverse();
  if (!months.length) return h('p', { class: 'figures-note' }, t(M.figuresNone));
  return h(
    'table',
    { class: 'figures-table' },
    h('caption', null, t(M.figuresCaption)),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, t(M.figuresMonth)),
        h('th', { scope: 'col' }, t(M.figuresReceived)),
        h('th', { scope: 'col' }, t(M.figuresHandled)),
      ),
    ),
    h(
      'tbody',
      null,
      months.map((m) =>
        h(
          'tr',
          { 'data-month': m.month },
          h('th', { scope: 'row' }, String(m.month)),
          h('td', null, count(m.received)),
          h('td', null, count(m.handled)),
        ),
      ),
    ),
  );
}
