/** Search by name part, credit code or number, with status and level filters and "more results" by cursor. */

import { CERTIFICATE_STATUSES } from '../../../shared/model';
import { certificatePagePath } from '../../../shared/pages';
import { STAR_LEVELS } from '../../../shared/scheme';
import type { SearchHit } from '../../../shared/search/hit';
import { h, hl, replaceChildren } from '../common/dom';
import { formatDate } from '../common/format';
import { pick, t } from '../common/i18n';
import { statusLabel } from '../common/labels';
import { M } from './messages';
import { errorText, type SearchParams, searchCertificates } from './page-api';
import { receiptButton } from './receipt-button';

function hitItem(hit: SearchHit): HTMLLIElement {
  return h(
    'li',
    { class: 'hit', 'data-number': hit.number },
    h(
      'div',
      { class: 'hit-org' },
      hit.organization.name,
      hit.organization.nameEn && h('span', { class: 'hit-org-en', lang: 'en' }, hit.organization.nameEn),
    ),
    h(
      'div',
      { class: 'hit-meta' },
      h('a', { class: 'mono', href: certificatePagePath(hit.number) }, hit.number),
      h('span', { class: 'mono' }, hit.organization.creditCode),
      h('span', { class: ['badge', `badge-${hit.status}`] }, t(statusLabel(hit.status))),
      h('span', null, pick(hit.levelName)),
      h('span', null, t(M.validUntil, { date: formatDate(hit.validUntil) })),
      receiptButton(hit.number),
    ),
  );
}

function select(name: string, any: string, options: [string, string][]): HTMLSelectElement {
  return h(
    'select',
    { name, class: 'input input-select', 'aria-label': any },
    h('option', { value: '' }, any),
    options.map(([value, label]) => h('option', { value }, label)),
  );
}

export function searchSection(): HTMLElement {
  const q = h('input', {
    id: 'search-q',
    name: 'q',
    type: 'search',
    class: 'input',
    required: true,
    minlength: '2',
    maxlength: '200',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const status = select(
    'status',
    t(M.anyStatus),
    CERTIFICATE_STATUSES.map((s) => [s, t(statusLabel(s))]),
  );
  const level = select(
    'level',
    t(M.anyLevel),
    STAR_LEVELS.map((l) => [l.level, pick(l)]),
  );
  const error = h('p', { class: 'field-error', 'aria-live': 'polite' });
  const list = h('ul', { id: 'search-hits', class: 'hits' });
  const more = h('div', { class: 'more' });
  const region = h('div', { role: 'status', 'aria-live': 'polite', class: 'search-status' });

  const run = async (params: SearchParams, append: boolean) => {
    replaceChildren(more);
    region.textContent = t(M.loading);
    try {
      const page = await searchCertificates(params);
      if (!append) replaceChildren(list);
      list.append(...page.items.map(hitItem));
      region.textContent = list.children.length ? '' : t(M.noHits);
      if (page.cursor)
        more.append(
          hl(
            'button',
            { type: 'button', class: 'button' },
            { click: () => void run({ ...params, cursor: page.cursor }, true) },
            t(M.more),
          ),
        );
    } catch (e) {
      region.textContent = errorText(e);
    }
  };

  const form = hl(
    'form',
    { class: 'search-form', role: 'search', novalidate: true },
    {
      submit: (event) => {
        event.preventDefault();
        const text = q.value.trim();
        if ([...text].length < 2) {
          error.textContent = t(M.tooShort);
          q.setAttribute('aria-invalid', 'true');
          return;
        }
        error.textContent = '';
        q.removeAttribute('aria-invalid');
        void run({ q: text, status: status.value, level: level.value }, false);
      },
    },
    h('label', { for: 'search-q', class: 'label' }, t(M.searchLabel)),
    h(
      'div',
      { class: 'row' },
      q,
      status,
      level,
      h('button', { type: 'submit', class: 'button button-primary' }, t(M.searchButton)),
    ),
    error,
  );
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'search-title' },
    h('h2', { id: 'search-title' }, t(M.searchTitle)),
    form,
    region,
    list,
    more,
  );
}
