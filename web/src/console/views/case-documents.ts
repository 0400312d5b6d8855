/**
 * The files of a case, for staff and its applicant: name and version, the type taken from the bytes, size and
 * SHA-256 of each, and a download through the short-lived link the API issues after its access check.
 */
import type { CaseDocument } from '../../../../shared/case-documents/schemas';
import { h, replaceChildren } from '../../common/dom';
import { formatInstant } from '../../common/format';
import { apiGet } from '../client';
import { L } from '../messages';
import { bi, busy, problemBox } from '../ui';

const kib = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`);

export function caseDocumentsSection(id: string): HTMLElement {
  const section = h('section', { class: 'card case-files', 'aria-labelledby': 'case-files-title' });
  void render(section, id);
  return section;
}

async function render(section: HTMLElement, id: string): Promise<void> {
  const base = `/v1/staff/applications/${encodeURIComponent(id)}/documents`;
  const title = h('h2', { id: 'case-files-title' }, ...bi(L.case.files));
  const res = await apiGet<{ items: CaseDocument[] }>(base);
  if (res.kind !== 'ok') return replaceChildren(section, title, problemBox(res));
  if (!res.body.items.length) return replaceChildren(section, title, h('p', { class: 'muted' }, ...bi(L.case.noFiles)));
  const message = h('div', { class: 'form-message' });
  const download = (d: CaseDocument, button: HTMLButtonElement) =>
    busy(button, section, () => apiGet<{ url: string }>(`${base}/${encodeURIComponent(d.id)}/download`)).then(
      (outcome) =>
        outcome.kind === 'ok'
          ? window.location.assign(outcome.body.url)
          : replaceChildren(message, problemBox(outcome)),
    );
  const head = [L.case.fileName, L.case.fileType, L.case.fileSize, L.case.fileHash].map((m) => h('th', null, ...bi(m)));
  const rows = res.body.items.map((d) => {
    const button = h('button', { type: 'button', 'data-download': d.id }, ...bi(L.case.download)) as HTMLButtonElement;
    button.addEventListener('click', () => void download(d, button));
    return h(
      'tr',
      { 'data-document': d.id, 'data-sha256': d.sha256 },
      h(
        'td',
        null,
        d.name,
        d.version > 1 ? ` (v${d.version})` : null,
        h('br'),
        h('small', { class: 'muted' }, formatInstant(d.uploadedAt)),
      ),
      h('td', null, h('code', null, d.contentType)),
      h('td', null, kib(d.size)),
      h('td', null, h('code', { class: 'hash', title: d.sha256 }, d.sha256)),
      h('td', null, button),
    );
  });
  replaceChildren(
    section,
    title,
    h('table', null, h('thead', null, h('tr', null, ...head, h('th'))), h('tbody', null, rows)),
    message,
  );
}
