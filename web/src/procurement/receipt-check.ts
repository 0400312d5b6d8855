/**
 * "Check a receipt": a pasted JWS, a pasted link (short `/r/<id>` or long `#receipt=<jws>`) or a photo of a
 * receipt's QR code, each opened at its permalink, where the signature is checked (receipt-view.ts).
 */
import { COMPACT_JWS_SHAPE } from '../../../shared/jws/compact';
import { PAGE_FILES } from '../../../shared/pages';
import { receiptFromFragment, receiptIdFromPath } from '../../../shared/receipts/jws';
import { h, hl } from '../common/dom';
import { t } from '../common/i18n';
import { M } from './messages';

/** Where a pasted or scanned text leads: the receipt's permalink on this site, or null when it names no receipt. */
export function receiptTarget(text: string): string | null {
  const value = text.trim().replace(/\s+/g, '');
  if (COMPACT_JWS_SHAPE.test(value)) return `${PAGE_FILES.procurement}#receipt=${value}`;
  let url: URL;
  try {
    url = new URL(value, location.origin);
  } catch {
    return null;
  }
  const id = receiptIdFromPath(url.pathname);
  if (id) return `${url.pathname}`;
  const jws = receiptFromFragment(url.hash);
  return jws && COMPACT_JWS_SHAPE.test(jws) ? `${PAGE_FILES.procurement}#receipt=${jws}` : null;
}

export function receiptCheckSection(): HTMLElement {
  const input = h('textarea', {
    id: 'receipt-input',
    class: 'input',
    rows: 3,
    spellcheck: 'false',
    'aria-describedby': 'receipt-check-intro',
  });
  const status = h('p', { id: 'receipt-check-status', class: 'field-error', role: 'alert' });
  const open = (text: string | null, failure: string) => {
    const target = text === null ? null : receiptTarget(text);
    if (!target) {
      status.textContent = failure;
      return;
    }
    status.textContent = '';
    location.assign(target);
  };
  const photo = hl(
    'input',
    { id: 'receipt-photo', type: 'file', accept: 'image/*', class: 'input-file' },
    {
      change: async () => {
        const file = photo.files?.[0];
        if (!file) return;
        const { decodeImageFile } = await import('../verify/scanner');
        open(await decodeImageFile(file).catch(() => null), t(M.checkNoQr));
        photo.value = '';
      },
    },
  );
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'receipt-check-title' },
    h('h2', { id: 'receipt-check-title' }, t(M.checkTitle)),
    h('p', { id: 'receipt-check-intro', class: 'muted' }, t(M.checkIntro)),
    h('label', { for: 'receipt-input', class: 'label' }, t(M.checkLabel)),
    input,
    h(
      'div',
      { class: 'controls' },
      hl(
        'button',
        { id: 'receipt-check', type: 'button', class: 'button button-primary' },
        { click: () => open(input.value, t(M.checkUnreadable)) },
        t(M.checkButton),
      ),
      h('label', { class: 'button', for: 'receipt-photo' }, t(M.checkPhoto)),
      photo,
    ),
    status,
  );
}
