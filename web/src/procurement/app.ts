/**
 * The procurement page: search, bulk check with CSV in and out, and receipts. One HTML shell, two views chosen by
 * the fragment: `#receipt=<jws>` shows a receipt (re-checked in the browser), anything else the checking tools.
 * Every organization-supplied string reaches the DOM as a Text node (common/dom.ts); nothing is parsed as HTML.
 */
import { receiptFromFragment } from '../../../shared/receipts/jws';
import { byId, h, replaceChildren } from '../common/dom';
import { initLang, lang, onLangChange, setLang, t } from '../common/i18n';
import { bulkSection } from './bulk-view';
import { M } from './messages';
import { receiptView } from './receipt-view';
import { searchSection } from './search-view';

function header(): void {
  byId('site-title').textContent = t(M.siteTitle);
  byId('site-subtitle').textContent = t(M.siteSubtitle);
  const button = byId<HTMLButtonElement>('lang-switch');
  button.textContent = t(M.switchLang);
  button.setAttribute('aria-label', t(M.switchLangLabel));
  button.lang = lang() === 'zh' ? 'en' : 'zh';
}

function render(): void {
  header();
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
  initLang();
  byId('lang-switch').addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
  onLangChange(render);
  window.addEventListener('hashchange', render);
  render();
}
