/** Certificates by status: the valid register, the suspended to follow up, and the ended ones. */
import { CERTIFICATE_STATUSES, type CertificateStatus } from '../../../../shared/model';
import { h, replaceChildren } from '../../common/dom';
import { statusLabel } from '../../common/labels';
import { apiGet } from '../client';
import type { ConsoleContext } from '../context';
import { L } from '../messages';
import { bi, biText, loading } from '../ui';
import { pagedList } from './applications';
import { certificateRow } from './rows';

export async function certificatesView(_ctx: ConsoleContext, main: HTMLElement, status: string): Promise<void> {
  const current = (CERTIFICATE_STATUSES as readonly string[]).includes(status)
    ? (status as CertificateStatus)
    : 'valid';
  const tabs = h(
    'nav',
    { class: 'tabs', 'aria-label': biText(L.lists.certificateStatuses) },
    CERTIFICATE_STATUSES.map((s) =>
      h(
        'a',
        { href: `#/certificates/${s}`, class: 'tab', 'aria-current': s === current ? 'page' : null },
        ...bi(statusLabel(s)),
      ),
    ),
  );
  replaceChildren(main, h('h1', null, ...bi(L.certificates)), tabs, loading());
  const label = statusLabel(current);
  const list = await pagedList(
    '/v1/staff/certificates',
    { query: { status: current, limit: 50 } },
    certificateRow,
    `${label.zh} ${label.en}`,
  );
  replaceChildren(
    main,
    h('h1', null, ...bi(L.certificates)),
    await awaitingArtwork(),
    tabs,
    h('h2', { id: 'status-title' }, ...bi(label)),
    list,
  );
}

/** After a key revocation: the certificates whose printed marks no longer prove themselves, until new artwork. */
async function awaitingArtwork(): Promise<HTMLElement | null> {
  const res = await apiGet('/v1/staff/star-marks/awaiting-artwork');
  if (res.kind !== 'ok' || !res.body.items.length) return null;
  return h(
    'section',
    { class: 'card warning', role: 'alert', 'data-awaiting-artwork': '', 'aria-labelledby': 'awaiting-title' },
    h('h2', { id: 'awaiting-title' }, ...bi(L.certificate.awaitingArtwork)),
    h('ul', { class: 'rows' }, res.body.items.map(certificateRow)),
  );
}
