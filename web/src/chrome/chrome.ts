/**
 * The chrome at run time, on the pages with a language switch: its words in the chosen language, the switch that
 * changes it, and the offline banner. The page's views re-render through `onLang`.
 */
import { byId } from '../common/dom';
import { initLang, lang, onLangChange, setLang, t } from '../common/i18n';
import { CHROME_WORDS, type ChromeSpec } from './spec';

function render(spec: ChromeSpec): void {
  byId('site-title').textContent = t(spec.brand.title);
  byId('site-subtitle').textContent = t(spec.brand.subtitle ?? CHROME_WORDS.scheme);
  byId('skip-link').textContent = t(CHROME_WORDS.skip);
  const button = byId<HTMLButtonElement>('lang-switch');
  button.textContent = t(CHROME_WORDS.switchLang);
  button.setAttribute('aria-label', t(CHROME_WORDS.switchLangLabel));
  button.setAttribute('lang', lang() === 'zh' ? 'en' : 'zh-CN');
  if (spec.footer) byId('footer-text').textContent = t(spec.footer);
  if (spec.offline) byId('offline-banner').textContent = t(spec.offline);
}

function showOffline(): void {
  byId('offline-banner').hidden = navigator.onLine !== false;
}

export function startChrome(spec: ChromeSpec, onLang: () => void): void {
  initLang();
  render(spec);
  byId<HTMLButtonElement>('lang-switch').addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
  onLangChange(() => {
    render(spec);
    onLang();
  });
  if (spec.offline) {
    showOffline();
    window.addEventListener('online', showOffline);
    window.addEventListener('offline', showOffline);
  }
}
