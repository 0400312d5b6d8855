/** Look-up by certificate number, organization name or credit code, and the list of what matched. */

import { parseCertificateNumber } from '../../../shared/certificate-number';
import { certificatePagePath } from '../../../shared/pages';
import type { SearchHit } from '../../../shared/search/hit';
import type { SearchPage } from '../../../shared/search/schema';
import type { ApiOutcome } from '../common/api';
import { h, hl, replaceChildren } from '../common/dom';
import { formatDate } from '../common/format';
import { t } from '../common/i18n';
import { statusLabel } from '../common/labels';
import { loadPaged } from '../common/paged';
import { searchForm } from '../common/search';
import { apiGet } from '../common/typed-api';
import { M } from './messages';
import { starLevel } from './stars';

/** A typed certificate number goes straight to its record; anything else is a search. */
export function numberIn(query: string): string | null {
  const compact = query.trim().toUpperCase();
  return parseCertificateNumber(compact) ? compact : null;
}

/** The look-up form: a typed certificate number goes straight to its record, anything else is a search. */
export function lookupForm(initial: string, onSubmit: (query: string) => void): HTMLFormElement {
  return searchForm({
    id: 'lookup',
    label: t(M.lookupLabel),
    button: t(M.lookupButton),
    tooShort: t(M.lookupTooShort),
    placeholder: t(M.lookupPlaceholder),
    initial,
    action: '/',
    onSubmit,
  });
}

function hitItem(hit: SearchHit): HTMLLIElement {
  return h(
    'li',
    null,
    h(
      'a',
      { class: 'hit', href: certificatePagePath(hit.number) },
      h('span', { class: 'hit-org' }, hit.organization.name),
      hit.organization.nameEn && h('span', { class: 'hit-org-en', lang: 'en' }, hit.organization.nameEn),
      hit.matchedFormerName &&
        h('span', { class: 'hit-former' }, t(M.formerNameMatch, { name: hit.matchedFormerName })),
      h(
        'span',
        { class: 'hit-meta' },
        h('span', { class: 'mono' }, hit.number),
        h('span', { class: ['badge', `badge-${hit.status}`] }, t(statusLabel(hit.status))),
      ),
      h(
        'span',
        { class: 'hit-meta' },
        starLevel(hit.level, 'small'),
        h('span', null, t(M.validUntil), ' ', formatDate(hit.validUntil)),
      ),
    ),
  );
}

export function searchMessage(outcome: Exclude<ApiOutcome<SearchPage>, { kind: 'ok' }>): string {
  if (outcome.kind === 'network') return t(navigator.onLine === false ? M.offlineLookup : M.serverError);
  const p = outcome.problem;
  if (p.code === 'ROUTE_NOT_FOUND' || p.code === 'METHOD_NOT_ALLOWED' || outcome.status === 404)
    return t(M.searchUnavailable);
  if (p.code === 'VALIDATION_FAILED') return t(M.lookupTooShort);
  return t(M.serverError);
}

/** Runs a search into `host`; "more" pages append below. */
export async function runSearch(host: HTMLElement, query: string, signal: AbortSignal): Promise<void> {
  const list = h('ul', { class: 'hits' });
  const status = h('p', { class: 'muted', role: 'status' }, t(M.searching));
  const more = h('div');
  replaceChildren(host, h('h2', { class: 'section-title' }, t(M.searchResults, { q: query })), status, list, more);
  await loadPaged<SearchHit>({
    list,
    more,
    fetchPage: async (cursor) => {
      const res = await apiGet('/v1/certificates', { query: { q: query, cursor } }, { signal });
      if (signal.aborted) return null;
      if (res.kind !== 'ok') {
        status.textContent = searchMessage(res);
        return null;
      }
      return { items: Array.isArray(res.body?.items) ? res.body.items : [], cursor: res.body.cursor };
    },
    item: hitItem,
    moreButton: (next) =>
      hl('button', { type: 'button', class: 'button search-more' }, { click: next }, t(M.searchMore)),
    loaded: (count) => {
      status.textContent = count === 0 ? t(M.searchNone, { q: query }) : '';
    },
  });
}
