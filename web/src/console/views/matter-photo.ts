/**
 * A counterfeit report's photo on its matter: what it is (type, size, SHA-256) for all staff, and for those who may
 * read the reporter's contact (the same rule the API applies, mayReadPhoto) a preview. The bytes are fetched
 * through the short-lived link the API issues and checked against the SHA-256 in the matter's trail before they are
 * shown, from a blob of the recorded image type only; a HEIC photo, which browsers do not draw, is downloaded.
 */
import { mayReadPhoto, type ShownMatter } from '../../../../shared/complaints';
import { type Child, h, replaceChildren } from '../../common/dom';
import { apiGet } from '../client';
import { L } from '../messages';
import type { SessionUser } from '../session';
import { bi, problemBox } from '../ui';
import { sha256Hex } from '../upload-transfer';

const DRAWN = ['image/jpeg', 'image/png', 'image/webp'];
let shown: string | undefined;

async function showInto(
  region: HTMLElement,
  m: ShownMatter & { photo: NonNullable<ShownMatter['photo']> },
): Promise<void> {
  const ticket = await apiGet('/v1/staff/matters/{matterId}/photo', { params: { matterId: m.id } });
  if (ticket.kind !== 'ok') return replaceChildren(region, problemBox(ticket));
  if (!DRAWN.includes(m.photo.contentType)) {
    const link = h('a', { href: ticket.body.url, rel: 'noopener' }, ...bi(L.matters.downloadPhoto));
    return replaceChildren(region, link);
  }
  let bytes: Blob;
  try {
    const res = await fetch(ticket.body.url, { cache: 'no-store', credentials: 'omit' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    bytes = new Blob([await res.arrayBuffer()], { type: m.photo.contentType });
  } catch {
    return replaceChildren(region, h('p', { class: 'problem', role: 'alert' }, ...bi(L.network)));
  }
  if ((await sha256Hex(bytes)) !== m.photo.sha256)
    return replaceChildren(region, h('p', { class: 'problem', role: 'alert' }, ...bi(L.upload.previewAltered)));
  if (shown) URL.revokeObjectURL(shown);
  shown = URL.createObjectURL(bytes);
  replaceChildren(
    region,
    h(
      'figure',
      { class: 'preview', 'data-photo-preview': m.id },
      h('img', { src: shown, alt: '', class: 'preview-image' }),
    ),
  );
}

/** The photo row's value, or null for a matter without a photo. */
export function matterPhoto(m: ShownMatter, user: SessionUser): Child {
  const photo = m.photo;
  if (!photo) return null;
  const facts = h(
    'span',
    null,
    `${photo.contentType} · ${Math.ceil(photo.size / 1024)} KB · `,
    h('code', null, photo.sha256),
  );
  if (!mayReadPhoto(user, m)) return [facts, h('p', { class: 'muted small' }, ...bi(L.matters.photoForHandlers))];
  const region = h('div', { class: 'matter-photo' });
  const show = h('button', { type: 'button', 'data-show-photo': '' }, ...bi(L.matters.showPhoto));
  show.addEventListener('click', () => void showInto(region, { ...m, photo }));
  return [facts, ' ', show, region];
}
