/**
 * A receipt at its permalink (`/r/<id>`, or `/procurement.html#receipt=<jws>`): the signature is re-checked here, in
 * the browser, against the registry's published keys, and only a receipt that verifies is shown as proof. Printable
 * to PDF, with the QR code and the URL of its short permalink, so that the paper leads back to a check.
 */
import { certificatePagePath, PAGE_FILES } from '../../../shared/pages';
import { receiptId, receiptObjectKey, receiptShortLink } from '../../../shared/receipts/jws';
import type { ReceiptCheck } from '../../../shared/receipts/verify';
import { verifyReceipt } from '../../../shared/receipts/verify';
import { h, hl, replaceChildren } from '../common/dom';
import { formatDate, formatInstant } from '../common/format';
import { pick, t } from '../common/i18n';
import { reasonLabel, statusLabel } from '../common/labels';
import { M } from './messages';
import { registryKeys } from './page-api';

const field = (label: string, ...value: (string | Node | null | undefined)[]) =>
  h('div', { class: 'field' }, h('dt', null, label), h('dd', null, ...value));

function proof(check: ReceiptCheck & { valid: true }): HTMLElement {
  const r = check.receipt!;
  const record = r.record;
  return h(
    'dl',
    { class: 'receipt-fields' },
    field(t(M.receiptId), h('span', { class: 'mono', id: 'receipt-id' }, check.id ?? '')),
    field(
      t(M.receiptAt),
      formatInstant(r.checkedAt),
      h('span', { class: 'muted small as-of' }, t(M.receiptAsOf)),
      h('a', { class: 'no-print small', href: certificatePagePath(r.number) }, t(M.receiptToday)),
    ),
    field(t(M.colNumber), h('span', { class: 'mono' }, r.number)),
    field(
      t(M.receiptVerdict),
      h(
        'strong',
        { id: 'receipt-verdict', class: ['badge', r.verdict === 'VALID' ? 'badge-valid' : 'badge-attention'] },
        t(M.verdicts[r.verdict]),
      ),
    ),
    record &&
      field(
        t(M.colOrganization),
        record.organization.name,
        record.organization.nameEn && h('span', { class: 'hit-org-en', lang: 'en' }, record.organization.nameEn),
      ),
    record && field(t(M.colCreditCode), h('span', { class: 'mono' }, record.organization.creditCode)),
    record && field(t(M.colLevel), pick(record.levelName)),
    r.status && field(t(M.colStatus), t(statusLabel(r.status))),
    record && field(t(M.receiptValidity), `${formatDate(record.validFrom)} – ${formatDate(record.validUntil)}`),
    record?.statusHistory.length
      ? field(
          t(M.receiptHistory),
          h(
            'ul',
            { class: 'history' },
            record.statusHistory.map((e) =>
              h(
                'li',
                null,
                `${formatDate(e.date)} · ${t(statusLabel(e.status))} · ${t(reasonLabel(e.reasonCategory))}`,
              ),
            ),
          ),
        )
      : null,
    r.body &&
      field(
        t(M.receiptBody),
        h('span', { id: 'receipt-body' }, pick(r.body.name)),
        ' ',
        h('span', { class: 'mono' }, `${t(M.receiptApproval)} ${r.body.approvalNumber}`),
        ' ',
        h('a', { href: r.body.website, rel: 'noopener' }, r.body.website),
      ),
    field(t(M.receiptIssuer), r.iss),
    field(t(M.receiptKey), h('span', { class: 'mono' }, check.kid ?? '')),
  );
}

/** The short permalink of a receipt opened by its long one: known only once its object is found. */
async function keptLink(jws: string): Promise<string | null> {
  const id = await receiptId(jws);
  try {
    const res = await fetch(`/${receiptObjectKey(id)}`, { method: 'HEAD', cache: 'no-store' });
    return res.ok ? receiptShortLink(location.origin, id) : null;
  } catch {
    return null;
  }
}

async function showLink(slot: HTMLElement, link: string): Promise<void> {
  const { qrDataUrl } = await import('./receipt-qr');
  replaceChildren(
    slot,
    h('img', { id: 'receipt-qr', class: 'receipt-qr', src: qrDataUrl(link, t(M.receiptQr)), alt: t(M.receiptQr) }),
    h(
      'p',
      { class: 'receipt-link' },
      h('span', { class: 'label' }, t(M.receiptLink)),
      ' ',
      h('a', { id: 'receipt-link', class: 'mono', href: link }, link),
    ),
  );
}

/** `link`: the receipt's short permalink when the page was opened by it. */
export function receiptView(root: HTMLElement, jws: string, link?: string): void {
  const banner = h(
    'p',
    { id: 'receipt-state', class: 'receipt-banner', role: 'status', 'aria-live': 'polite' },
    t(M.receiptChecking),
  );
  const body = h('div', { class: 'receipt-body' });
  const linkSlot = h('figure', { class: 'receipt-permalink' });
  const copy = hl(
    'button',
    { type: 'button', class: 'button no-print' },
    {
      click: async () => {
        await navigator.clipboard?.writeText(location.href).catch(() => undefined);
        copy.textContent = t(M.receiptCopied);
      },
    },
    t(M.receiptCopy),
  );
  replaceChildren(
    root,
    h(
      'article',
      { class: 'card receipt', 'aria-labelledby': 'receipt-title' },
      h('h1', { id: 'receipt-title' }, t(M.receiptTitle)),
      banner,
      body,
      linkSlot,
      h(
        'div',
        { class: 'controls no-print' },
        hl(
          'button',
          { type: 'button', class: 'button button-primary' },
          { click: () => window.print() },
          t(M.receiptPrint),
        ),
        copy,
        h('a', { class: 'button', href: PAGE_FILES.procurement }, t(M.back)),
      ),
      h('p', { class: 'muted small' }, t(M.receiptHowTo)),
      h(
        'details',
        { class: 'raw no-print' },
        h('summary', null, t(M.receiptRaw)),
        h('code', { class: 'mono jws' }, jws),
      ),
      // On paper the JWS is printed in full, so that the printout itself can be checked again.
      h(
        'div',
        { class: 'print-only' },
        h('p', { class: 'label' }, t(M.receiptRaw)),
        h('code', { class: 'mono jws' }, jws),
      ),
    ),
  );
  void (async () => {
    let check: ReceiptCheck;
    try {
      check = await verifyReceipt(jws, await registryKeys());
    } catch {
      banner.textContent = t(M.receiptNoKeys);
      banner.className = 'receipt-banner receipt-unknown';
      return;
    }
    banner.dataset.code = check.code;
    if (!check.valid) {
      banner.textContent = `${t(M.receiptNotGenuine)} (${check.code})`;
      banner.className = 'receipt-banner receipt-bad';
      return;
    }
    banner.textContent = t(M.receiptGenuine);
    banner.className = 'receipt-banner receipt-good';
    replaceChildren(body, proof(check as ReceiptCheck & { valid: true }));
    const short = link ?? (await keptLink(jws));
    if (short) await showLink(linkSlot, short).catch(() => undefined);
  })();
}
