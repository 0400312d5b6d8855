/**
 * The procurement page: search, bulk check with CSV in and out, and receipts. One HTML shell, two views: a receipt
 * (re-checked in the browser) at `/r/<id>` (its JWS fetched from the public `receipts/` objects) or
 * `#receipt=<jws>`, and the checking tools anywhere else.
 * Every organization-supplied string reaches the DOM as a Text node (common/dom.ts); nothing is parsed as HTML.
 */
import { receiptFromFragment, receiptIdFromPath, receiptObjectKey } from '../../../shared/receipts/jws';
import { startChrome } from '../chrome/chrome';
import { byId, h, replaceChildren } from '../common/dom';
import { t } from '../common/i18n';
import { bulkSection } from './bulk-view';
import { PROCUREMENT_CHROME } from './chrome';
import { M } from './messages';
import { receiptCheckSection } from './receipt-check';
import { receiptView } from './receipt-view';
import { searchSection } from './search-view';

/** The receipt kept under a short permalink's id, or null when there is none. */
async function keptReceipt(id: string): Promise<string | null> {
  try {
    const res = await fetch(`/${receiptObjectKey(id)}`, { cache: 'default' });
    return res.ok ? (await res.text()).trim() : null;
  } catch {
    return null;
  }
}

function render(): void {
  const app = byId('app');
  const id = receiptIdFromPath(location.pathname);
  const jws = receiptFromFragment(location.hash);
  document.title = t(jws || id ? M.receiptTitle : M.docTitle);
  if (jws) {
    receiptView(app, jws);
    return;
  }
  if (id) {
    replaceChildren(app, h('p', { id: 'receipt-state', class: 'receipt-banner' }, t(M.receiptChecking)));
    void keptReceipt(id).then((kept) => {
      if (kept) receiptView(app, kept, location.origin + location.pathname);
      else
        replaceChildren(
          app,
          h(
            'p',
            { id: 'receipt-state', class: 'receipt-banner receipt-bad', 'data-code': 'NOT_FOUND' },
            t(M.receiptMissing),
          ),
          receiptCheckSection(),
        );
    });
    return;
  }
  replaceChildren(
    app,
    h('h1', { class: 'visually-hidden' }, t(M.docTitle)),
    bulkSection(),
    searchSection(),
    receiptCheckSection(),
  );
}

export function start(): void {
  startChrome(PROCUREMENT_CHROME, render);
  window.addEventListener('hashchange', render);
  render();
}
