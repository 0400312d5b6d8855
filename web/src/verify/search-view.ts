/** Look-up by certificate number, organization name or credit code, and the list of what matched. */

import { parseCertificateNumber } from '../../../shared/certificate-number';
import { certificatePagePath } from '../../../shared/pages';
import type { SearchHit } from '../../../shared/search/hit';
import type { SearchPage } from '../../../shared/search/schema';
import { type ApiOutcome, getJson } from '../common/api';
import { h, hl, replaceChildren } from '../common/dom';
import { formatDate } from '../common/format';
import { t } from '../common/i18n';
import { statusLabel } from '../common/labels';
import { M } from './messages';
import { starLevel } from './stars';

/** A typed certificate number goes straight to its record; anything else is a search. */
export function numberIn(query: string): string | null {
  const compact = query.trim().toUpperCase();
  return parseCertificateNumber(compact) ? compact : null;
}

export function searchForm(initial: string, onSubmit: (query: string) => void): HTMLFormElement {
  const input = h('input', {
    id: 'lookup-q',
    name: 'q',
    type: 'search',
    class: 'input',
    value: initial,
    placeholder: t(M.lookupPlaceholder),
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    enterkeyhint: 'search',
    required: true,
    minlength: '2',
    maxlength: '200',
    'aria-describedby': 'lookup-error',
  });
  const error = h('p', { id: 'lookup-error', class: 'field-error', 'aria-live': 'polite' });
  return hl(
    'form',
    { class: 'lookup', role: 'search', action: '/', method: 'get', novalidate: true },
    {
      submit: (event) => {
        event.preventDefault();
        const query = input.value.trim();
        if ([...query].length < 2) {
          error.textContent = t(M.lookupTooShort);
          input.setAttribute('aria-invalid', 'true');
          input.focus();
          return;
        }
        input.removeAttribute('aria-invalid');
        error.textContent = '';
        onSubmit(query);
      },
    },
    h('label', { for: 'lookup-q', class: 'label' }, t(M.lookupLabel)),
    h(
      'div',
      { class: 'lookup-row' },
      input,
      h('button', { type: 'submit', class: 'button button-primary' }, t(M.lookupButton)),
    ),
    error,
  );
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
  replaceChildren(host, h('h2', { class: 'section-title' }, t(M.searchResults, { q: query })), status, list);

  const load = async (cursor?: string): Promise<void> => {
    const params = new URLSearchParams({ q: query });
    if (cursor) params.set('cursor', cursor);
    const res = await getJson<SearchPage>(`/v1/certificates?${params.toString()}`, { signal });
    if (signal.aborted) return;
    if (res.kind !== 'ok') {
      status.textContent = searchMessage(res);
      return;
    }
    const items = Array.isArray(res.body?.items) ? res.body.items : [];
    for (const hit of items) list.appendChild(hitItem(hit));
    status.textContent = list.childElementCount === 0 ? t(M.searchNone, { q: query }) : '';
    host.querySelector('.more')?.remove();
    if (res.body.cursor) {
      const next = res.body.cursor;
      host.appendChild(
        hl('button', { type: 'button', class: 'button more' }, { click: () => void load(next) }, t(M.searchMore)),
      );
    }
  };
  await load();
}
