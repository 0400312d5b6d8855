/**
 * A case file shown in the page: a PDF in a frame, an image as an image. The bytes are fetched through the
 * short-lived link the API issues and checked against the SHA-256 recorded for the document before they are shown,
 * so what the reviewer sees is what the audit trail names. They are shown from a blob of the recorded type only (a
 * PDF or an image, never markup), which the policy allows in frames and images and nowhere else.
 */
import type { CaseDocument } from '../../../../shared/case-documents';
import { h, replaceChildren } from '../../common/dom';
import { apiGet } from '../client';
import { L } from '../messages';
import { bi, biText, problemBox } from '../ui';
import { sha256Hex } from '../upload-transfer';

let shown: string | undefined;

/** A short-lived download link of a case's document. */
export function documentTicket(id: string, documentId: string) {
  return apiGet('/v1/staff/applications/{id}/documents/{documentId}/download', { params: { id, documentId } });
}

/** Shows the document in `region` (replacing what was there), or why it cannot be shown. */
export async function previewInto(region: HTMLElement, id: string, d: CaseDocument): Promise<void> {
  const ticket = await documentTicket(id, d.id);
  if (ticket.kind !== 'ok') return replaceChildren(region, problemBox(ticket));
  let bytes: Blob;
  try {
    const res = await fetch(ticket.body.url, { cache: 'no-store', credentials: 'omit' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    bytes = new Blob([await res.arrayBuffer()], { type: d.contentType });
  } catch {
    return replaceChildren(region, h('p', { class: 'problem', role: 'alert' }, ...bi(L.network)));
  }
  if ((await sha256Hex(bytes)) !== d.sha256)
    return replaceChildren(region, h('p', { class: 'problem', role: 'alert' }, ...bi(L.upload.previewAltered)));
  if (shown) URL.revokeObjectURL(shown);
  shown = URL.createObjectURL(bytes);
  const close = h('button', { type: 'button', class: 'link-button' }, ...bi(L.upload.closePreview));
  close.addEventListener('click', () => {
    if (shown) URL.revokeObjectURL(shown);
    shown = undefined;
    replaceChildren(region);
  });
  const view =
    d.contentType === 'application/pdf'
      ? h('iframe', { src: shown, title: d.name, class: 'preview-pdf' })
      : h('img', { src: shown, alt: d.name, class: 'preview-image' });
  replaceChildren(
    region,
    h(
      'figure',
      { class: 'preview', 'data-preview': d.id, 'aria-label': `${biText(L.upload.preview)} ${d.name}` },
      view,
      h('figcaption', null, d.name, ' ', close),
    ),
  );
}
