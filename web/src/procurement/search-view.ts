/** Search by name part, credit code or number, with status and level filters and "more results" by cursor. */

import { CERTIFICATE_STATUSES } from '../../../shared/model';
import { certificatePagePath } from '../../../shared/pages';
import { STAR_LEVELS } from '../../../shared/scheme';
import type { SearchHit } from '../../../shared/search/hit';
import { h, hl, replaceChildren } from '../common/dom';
import { showFieldProblems } from '../common/field-problems';
import { formatDate } from '../common/format';
import { pick, t } from '../common/i18n';
import { statusLabel } from '../common/labels';
import { loadPaged } from '../common/paged';
import { searchForm } from '../common/search';
import { M } from './messages';
import { errorText, PageApiError, type SearchParams, searchCertificates } from './page-api';
import { receiptButton } from './receipt-button';

const LEVEL_CODES = STAR_LEVELS.map((l) => l.level);

/** A filter's value as one of the values the API takes, or none ('' is "any"). */
function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return values.find((v) => v === value);
}

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
    { name, 'data-path': `query.${name}`, class: 'input input-select', 'aria-label': any },
    h('option', { value: '' }, any),
    options.map(([value, label]) => h('option', { value }, label)),
  );
}

export function searchSection(): HTMLElement {
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
  const list = h('ul', { id: 'search-hits', class: 'hits' });
  const more = h('div');
  const region = h('div', { role: 'status', 'aria-live': 'polite', class: 'search-status' });

  const run = async (params: SearchParams) => {
    replaceChildren(list);
    region.textContent = t(M.loading);
    await loadPaged<SearchHit>({
      list,
      more,
      fetchPage: async (cursor) => {
        try {
          return await searchCertificates({ ...params, ...(cursor ? { cursor } : {}) });
        } catch (e) {
          // A refusal of the query itself stands beside the query; the region says what else went wrong.
          const unplaced = e instanceof PageApiError ? showFieldProblems(form, e.fields, t) : [];
          const placed = e instanceof PageApiError && e.fields.length > unplaced.length;
          region.textContent = placed ? '' : errorText(e);
          return null;
        }
      },
      item: hitItem,
      moreButton: (next) => hl('button', { type: 'button', class: 'button search-more' }, { click: next }, t(M.more)),
      loaded: (count) => {
        region.textContent = count ? '' : t(M.noHits);
      },
    });
  };

  const form = searchForm({
    id: 'search',
    label: t(M.searchLabel),
    button: t(M.searchButton),
    tooShort: t(M.tooShort),
    filters: [status, level],
    onSubmit: (q) =>
      void run({ q, status: oneOf(CERTIFICATE_STATUSES, status.value), level: oneOf(LEVEL_CODES, level.value) }),
  });
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
