/**
 * The home view, / (?q=…): scan a mark, look a certificate up by number / name / credit code, and how to tell a
 * genuine mark. A bare certificate number goes straight to its permalink; anything else is searched here.
 */
import { certificatePagePath, PAGE_FILES } from '../../../shared/pages';
import { h, replaceChildren } from '../common/dom';
import { t } from '../common/i18n';
import { M } from './messages';
import { app, type Navigate, setTitle, type View } from './page';
import { fetchReportFigures, type ReportFigures, reportFiguresView } from './report-figures';
import { scanPanel } from './scan-panel';
import { lookupForm, numberIn, runSearch } from './search-view';

export function homeView(query: string, signal: AbortSignal, navigate: Navigate): View {
  const scan = scanPanel(navigate);
  let figures: ReportFigures | null | undefined;
  const figuresBox = () => document.getElementById('report-figures');
  void fetchReportFigures(signal).then((answer) => {
    figures = answer;
    const box = figuresBox();
    if (box) replaceChildren(box, reportFiguresView(figures));
  });

  const render = () => {
    const scanCard = scan.render();
    const results = h('div', { class: 'results', id: 'results' });
    replaceChildren(
      app(),
      scanCard,
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'lookup-heading' },
        h('h2', { id: 'lookup-heading', class: 'section-title' }, t(M.lookupTitle)),
        lookupForm(query, (q) => {
          const number = numberIn(q);
          if (number) return navigate(certificatePagePath(number));
          navigate(`/?q=${encodeURIComponent(q)}`);
        }),
        results,
        // Officers checking a tender's bidders start here too: the list tool is one link away.
        h(
          'p',
          { class: 'procurement-link' },
          h('a', { id: 'procurement-link', href: PAGE_FILES.procurement }, t(M.procurementLink)),
        ),
      ),
      h(
        'section',
        { class: 'card about', 'aria-labelledby': 'about-heading' },
        h('h2', { id: 'about-heading', class: 'section-title' }, t(M.aboutTitle)),
        h(
          'ol',
          { class: 'about-list' },
          h('li', null, t(M.about1)),
          h('li', null, t(M.about2)),
          h('li', null, t(M.about3)),
        ),
        h('h3', { id: 'figures-heading', class: 'figures-title' }, t(M.figuresTitle)),
        h('div', { id: 'report-figures', 'aria-labelledby': 'figures-heading' }, reportFiguresView(figures)),
      ),
    );
    setTitle();
    if (query) void runSearch(results, query, signal);
  };
  return { render, dispose: () => scan.stop() };
}
