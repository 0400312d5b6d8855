/**
 * The files of a case, for staff and its applicant: name and version, the type taken from the bytes, size and
 * SHA-256 of each, a preview of PDFs and images in the page, and a download through the short-lived link the API
 * issues after its access check. Whoever may add a file to the case now finds the upload control below the list.
 */
import { type CaseDocument, PREVIEWABLE_TYPES, uploadPurpose } from '../../../../shared/case-documents';
import type { Application } from '../../../../shared/model';
import { h, replaceChildren } from '../../common/dom';
import { formatInstant } from '../../common/format';
import { apiGet } from '../client';
import { L } from '../messages';
import type { SessionUser } from '../session';
import { bi, busy, problemBox } from '../ui';
import { documentTicket, previewInto } from './case-preview';
import { sizeText, uploadControl } from './case-upload';

export function caseDocumentsSection(a: Application, user: SessionUser): HTMLElement {
  const section = h('section', { class: 'card case-files', 'aria-labelledby': 'case-files-title' });
  const list = h('div', { class: 'case-files-list' });
  const purpose = uploadPurpose(user, a, 'case');
  const refresh = () => void render(list, section, a.id);
  replaceChildren(
    section,
    h('h2', { id: 'case-files-title' }, ...bi(L.case.files)),
    list,
    typeof purpose === 'string' ? uploadControl(a.id, purpose, refresh) : null,
  );
  refresh();
  return section;
}

async function render(list: HTMLElement, section: HTMLElement, id: string): Promise<void> {
  const res = await apiGet('/v1/staff/applications/{id}/documents', { params: { id } });
  if (res.kind !== 'ok') return replaceChildren(list, problemBox(res));
  if (!res.body.items.length) return replaceChildren(list, h('p', { class: 'muted' }, ...bi(L.case.noFiles)));
  const message = h('div', { class: 'form-message' });
  const preview = h('div', { class: 'case-file-preview' });
  const download = (d: CaseDocument, button: HTMLButtonElement) =>
    busy(button, section, () => documentTicket(id, d.id)).then((outcome) =>
      outcome.kind === 'ok' ? window.location.assign(outcome.body.url) : replaceChildren(message, problemBox(outcome)),
    );
  const head = [L.case.fileName, L.case.fileType, L.case.fileSize, L.case.fileHash].map((m) => h('th', null, ...bi(m)));
  const rows = res.body.items.map((d) => {
    const button = h('button', { type: 'button', 'data-download': d.id }, ...bi(L.case.download));
    button.addEventListener('click', () => void download(d, button));
    const show = PREVIEWABLE_TYPES.includes(d.contentType)
      ? h('button', { type: 'button', 'data-preview': d.id }, ...bi(L.upload.preview))
      : null;
    show?.addEventListener('click', () => void busy(show, section, () => previewInto(preview, id, d)));
    return h(
      'tr',
      { 'data-document': d.id, 'data-sha256': d.sha256 },
      h(
        'td',
        { 'data-label': L.case.fileName.zh },
        d.name,
        d.version > 1 ? ` (v${d.version})` : null,
        h('br'),
        h('small', { class: 'muted' }, formatInstant(d.uploadedAt)),
      ),
      h('td', { 'data-label': L.case.fileType.zh }, h('code', null, d.contentType)),
      h('td', { 'data-label': L.case.fileSize.zh }, sizeText(d.size)),
      h('td', { 'data-label': L.case.fileHash.zh }, h('code', { class: 'hash', title: d.sha256 }, d.sha256)),
      h('td', { class: 'file-actions' }, show, button),
    );
  });
  replaceChildren(
    list,
    h(
      'div',
      { class: 'table-scroll' },
      h('table', { class: 'files' }, h('thead', null, h('tr', null, ...head, h('th'))), h('tbody', null, rows)),
    ),
    message,
    preview,
  );
}
