/**
 * Renewal (再认证) for the holder of a valid certificate: the window the scheme's calendar gives it, then a form
 * that starts from the certificate's scope and the documents of the case that certified it, which the applicant may
 * change, and a confirmation of what will be submitted before the renewal case opens.
 */
import { chinaDate } from '../../../../shared/calendar';
import { renewalWindow } from '../../../../shared/lifecycle/certificate-dates';
import { type Certificate, SERVICE_DOCUMENT_KINDS, type ServiceDocument } from '../../../../shared/model';
import { h, hl, replaceChildren } from '../../common/dom';
import { formatDate } from '../../common/format';
import { apiGet, apiPost, newIdempotencyKey } from '../client';
import type { ConsoleContext } from '../context';
import { fill, L } from '../messages';
import { hasRole } from '../session';
import { bi, biText, busy, field, problemBox } from '../ui';

type DocumentKind = (typeof SERVICE_DOCUMENT_KINDS)[number];

function windowText(c: Certificate): HTMLElement {
  const { opensOn, closesOn } = renewalWindow(c);
  return h(
    'p',
    { 'data-renewal-window': `${opensOn}/${closesOn}` },
    ...bi(fill(L.renewal.window, { opens: formatDate(opensOn), closes: formatDate(closesOn) })),
    chinaDate(new Date()) < opensOn ? [' ', ...bi(L.renewal.early)] : null,
  );
}

/** The documents as the applicant edits them: the certified case's, each kept or not, and any added. */
function documentEditor(initial: readonly ServiceDocument[]): { element: HTMLElement; chosen(): ServiceDocument[] } {
  const rows: { doc: ServiceDocument; keep: HTMLInputElement }[] = [];
  const list = h('ul', { class: 'renewal-documents' });
  const add = (doc: ServiceDocument) => {
    const keep = h('input', { type: 'checkbox', checked: true, name: 'keep', 'data-document': doc.name });
    rows.push({ doc, keep });
    list.append(
      h(
        'li',
        null,
        h('label', null, keep, ' ', ...bi(L.renewal.keep), ' · ', doc.name, ' · ', ...bi(L.kinds[doc.kind])),
      ),
    );
  };
  initial.forEach(add);
  const name = h('input', { name: 'documentName', maxlength: 200 });
  const kind = h(
    'select',
    { name: 'documentKind' },
    SERVICE_DOCUMENT_KINDS.map((k) => h('option', { value: k }, biText(L.kinds[k]))),
  );
  const button = hl(
    'button',
    { type: 'button', class: 'button', 'data-add-document': '' },
    {
      click: () => {
        const text = name.value.trim();
        if (!text) return name.focus();
        add({ name: text, kind: kind.value as DocumentKind });
        name.value = '';
      },
    },
    ...bi(L.renewal.addDocument),
  );
  const element = h(
    'fieldset',
    { class: 'renewal-documents-field' },
    h('legend', null, ...bi(L.renewal.documents)),
    list,
    h('div', { class: 'inline-fields' }, field(L.renewal.documentName, name), field(L.renewal.documentKind, kind)),
    button,
    h('p', { class: 'hint' }, ...bi(L.renewal.uploadHint)),
  );
  return { element, chosen: () => rows.filter((r) => r.keep.checked).map((r) => r.doc) };
}

function confirmation(
  c: Certificate,
  scope: string,
  documents: readonly ServiceDocument[],
  on: { confirm: (button: HTMLButtonElement) => void; back: () => void },
): HTMLElement {
  const confirm: HTMLButtonElement = hl(
    'button',
    { type: 'button', class: 'button button-primary', 'data-renewal-confirm': '' },
    { click: () => on.confirm(confirm) },
    ...bi(L.renewal.confirm),
  );
  return h(
    'div',
    { class: 'renewal-confirm', role: 'group', 'aria-labelledby': 'renewal-confirm-title' },
    h('h3', { id: 'renewal-confirm-title' }, ...bi(L.renewal.confirmTitle)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, ...bi(L.certificate.scope)),
      h(
        'dd',
        { 'data-confirm-scope': '' },
        scope === c.scope ? bi(L.renewal.scopeKept) : [h('del', null, c.scope), ' → ', h('ins', null, scope)],
      ),
      h('dt', null, ...bi(L.case.documents)),
      h(
        'dd',
        { 'data-confirm-documents': String(documents.length) },
        documents.length ? documents.map((d) => d.name).join('、') : bi(L.renewal.noDocuments),
      ),
    ),
    h('p', { class: 'muted' }, ...bi(L.renewal.confirmNote)),
    h(
      'div',
      { class: 'form-buttons' },
      confirm,
      hl(
        'button',
        { type: 'button', class: 'button', 'data-renewal-back': '' },
        { click: on.back },
        ...bi(L.renewal.back),
      ),
    ),
  );
}

/** The holder may open a renewal while its certificate is valid; the case then runs like an initial one. */
export function renewalSection(ctx: ConsoleContext, c: Certificate): HTMLElement | null {
  if (!hasRole(ctx.user, 'applicant') || c.applicantSub !== ctx.user.sub || c.status !== 'valid') return null;
  const section = h(
    'section',
    { class: 'card', 'data-renewal': '', 'aria-labelledby': 'renewal-title' },
    h('h2', { id: 'renewal-title' }, ...bi(L.renewal.title)),
    windowText(c),
  );
  if (c.openRenewalId) {
    section.append(
      h('p', null, ...bi(L.certificate.renewalOpen), h('a', { href: `#/case/${c.openRenewalId}` }, c.openRenewalId)),
    );
    return section;
  }
  const slot = h('div');
  const start: HTMLButtonElement = hl(
    'button',
    { type: 'button', class: 'button button-primary', 'data-renewal-start': '' },
    { click: () => void openForm() },
    ...bi(L.certificate.applyForRenewal),
  );
  slot.append(start);
  section.append(slot);
  let key = newIdempotencyKey();

  const openForm = async () => {
    const certified = await busy(start, section, () =>
      apiGet('/v1/staff/applications/{id}', { params: { id: c.applicationId } }),
    );
    const documents = documentEditor(certified.kind === 'ok' ? certified.body.documents : []);
    const scope = h('textarea', { name: 'scope', rows: 2, maxlength: 500, required: true });
    scope.value = c.scope;
    const message = h('div', { class: 'form-message' });
    const review = h('div');
    const form = h(
      'form',
      { class: 'action-form', novalidate: true, 'data-renewal-form': '' },
      field(L.renewal.scope, scope),
      documents.element,
      message,
      review,
      h(
        'div',
        { class: 'form-buttons' },
        h(
          'button',
          { type: 'submit', class: 'button button-primary', 'data-renewal-review': '' },
          ...bi(L.renewal.review),
        ),
        hl(
          'button',
          { type: 'button', class: 'button' },
          { click: () => replaceChildren(slot, start) },
          ...bi(L.renewal.cancel),
        ),
      ),
    );
    const send = (button: HTMLButtonElement, body: { scope?: string; documents: ServiceDocument[] }) =>
      void busy(button, section, () =>
        apiPost('/v1/staff/renewals', { certificateNumber: c.number, ...body }, key),
      ).then((r) => {
        if (r.kind === 'ok') {
          location.hash = `#/case/${r.body.id}`;
          return;
        }
        // A refused body may be corrected; a network failure is retried with the same key, never applied twice.
        if (r.kind === 'problem') key = newIdempotencyKey();
        replaceChildren(message, problemBox(r));
      });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      replaceChildren(message);
      const text = scope.value.trim();
      const chosen = documents.chosen();
      const panel = confirmation(c, text, chosen, {
        confirm: (button) => send(button, { ...(text !== c.scope ? { scope: text } : {}), documents: chosen }),
        back: () => {
          replaceChildren(review);
          scope.focus();
        },
      });
      replaceChildren(review, panel);
      panel.querySelector<HTMLButtonElement>('[data-renewal-confirm]')?.focus();
    });
    replaceChildren(slot, form);
    scope.focus();
  };
  return section;
}
