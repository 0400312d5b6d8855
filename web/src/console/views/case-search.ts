/**
 * The staff's search box and its results (`#/search/<query>`): any case or certificate by application id,
 * certificate number, credit code or a part of the organization name — what the text means is the core's
 * (shared/search/case-search.ts), asked of the API.
 */
import { h, replaceChildren } from '../../common/dom';
import { apiGet } from '../client';
import type { ConsoleContext } from '../context';
import { L } from '../messages';
import { bi, biText, field, loading, problemBox } from '../ui';
import { applicationRow, certificateRow } from './rows';

export function caseSearchBox(current = ''): HTMLElement {
  const input = h('input', {
    type: 'search',
    name: 'q',
    value: current,
    required: true,
    minlength: 2,
    maxlength: 200,
    autocomplete: 'off',
  }) as HTMLInputElement;
  const form = h(
    'form',
    { class: 'toolbar case-search', role: 'search' },
    field(L.caseSearch.label, input, h('span', null, ...bi(L.caseSearch.hint))),
    h('button', { type: 'submit', class: 'button' }, ...bi(L.caseSearch.submit)),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (q) location.hash = `#/search/${encodeURIComponent(q)}`;
  });
  return form;
}

function section(title: typeof L.caseSearch.cases, rows: HTMLElement[], kind: string): HTMLElement {
  return h(
    'section',
    { 'data-results': kind },
    h('h2', null, ...bi(title), ` (${rows.length})`),
    h(
      'ul',
      { class: 'rows', 'aria-label': biText(title) },
      rows.length ? rows : h('li', { class: 'muted empty' }, ...bi(L.empty)),
    ),
  );
}

export async function caseSearchView(_ctx: ConsoleContext, main: HTMLElement, param: string): Promise<void> {
  const title = h('h1', null, ...bi(L.caseSearch.title));
  const box = caseSearchBox(param);
  replaceChildren(main, title, box, loading());
  const res = await apiGet('/v1/staff/case-search', { query: { q: param } });
  if (res.kind !== 'ok') {
    replaceChildren(main, title, box, problemBox(res));
    return;
  }
  const { applications, certificates, truncated, matchedBy } = res.body;
  replaceChildren(
    main,
    title,
    box,
    h(
      'div',
      { class: 'search-results', 'data-matched-by': matchedBy },
      truncated ? h('p', { class: 'notice' }, ...bi(L.caseSearch.truncated)) : null,
      section(L.caseSearch.cases, applications.map(applicationRow), 'cases'),
      section(L.caseSearch.certificates, certificates.map(certificateRow), 'certificates'),
    ),
  );
}
