/**
 * The parts of the page outside the views (site title, language switch, skip link, footer, offline banner): their
 * text in the chosen language, and the switch that changes it. The views re-render through onLang.
 */
import { byId } from '../common/dom';
import { initLang, lang, onLangChange, setLang, t } from '../common/i18n';
import { M } from './messages';

function renderChrome(): void {
  byId('site-title').textContent = t(M.siteTitle);
  byId('site-subtitle').textContent = t(M.siteSubtitle);
  const button = byId<HTMLButtonElement>('lang-switch');
  button.textContent = t(M.switchLang);
  button.setAttribute('aria-label', t(M.switchLangLabel));
  button.setAttribute('lang', lang() === 'zh' ? 'en' : 'zh-CN');
  byId('skip-link').textContent = t(M.skip);
  byId('footer-text').textContent = t(M.footer);
  byId('offline-banner').textContent = t(M.offlineBanner);
}

function updateOnline(): void {
  byId('offline-banner').hidden = navigator.onLine !== false;
}

export function startChrome(onLang: () => void): void {
  initLang();
  renderChrome();
  updateOnline();
  byId<HTMLButtonElement>('lang-switch').addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
  onLangChange(() => {
    renderChrome();
    onLang();
  });
  window.addEventListener('online', updateOnline);
  window.addEventListener('offline', updateOnline);
}
