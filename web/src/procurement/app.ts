/**
 * The procurement page: search, bulk check with CSV in and out, and receipts. One HTML shell, two views chosen by
 * the fragment: `#receipt=<jws>` shows a receipt (re-checked in the browser), anything else the checking tools.
 * Every organization-supplied string reaches the DOM as a Text node (common/dom.ts); nothing is parsed as HTML.
 */
import { receiptFromFragment } from '../../../shared/receipts/jws';
import { startChrome } from '../chrome/chrome';
import { byId, h, replaceChildren } from '../common/dom';
import { t } from '../common/i18n';
import { bulkSection } from './bulk-view';
import { PROCUREMENT_CHROME } from './chrome';
import { M } from './messages';
import { receiptView } from './receipt-view';
import { searchSection } from './search-view';

function render(): void {
  const app = byId('app');
  const jws = receiptFromFragment(location.hash);
  document.title = t(jws ? M.receiptTitle : M.docTitle);
  if (jws) {
    receiptView(app, jws);
    return;
  }
  replaceChildren(app, h('h1', { class: 'visually-hidden' }, t(M.docTitle)), bulkSection(), searchSection());
}

export function start(): void {
  startChrome(PROCUREMENT_CHROME, render);
  window.addEventListener('hashchange', render);
  render();
}
