/**
 * The public verification page: one HTML shell, three views chosen by the URL.
 *
 *   /v#<token>     a star mark: the signature is checked on the device at once, then the live status by number
 *                  (mark-page.ts)
 *   /c/<number>    a certificate's public record, its permalink (certificate-page.ts)
 *   /  (?q=…)      scan, look up by number / name / credit code, and how to tell a genuine mark (home-page.ts)
 *
 * Every organization-supplied string reaches the DOM as a Text node (common/dom.ts); nothing is parsed as HTML.
 */
import { startChrome } from '../chrome/chrome';
import { VERIFY_CHROME } from './chrome';
import { liveKeys } from './keys';
import { interceptLinks, rerender, route } from './router';

export function start(): void {
  startChrome(VERIFY_CHROME, rerender);
  window.addEventListener('popstate', () => route());
  window.addEventListener('hashchange', () => route());
  document.addEventListener('click', interceptLinks);
  route();
  // Keys reach this device from any view, not only from a mark: a phone that opened the page online once can check
  // marks offline.
  if (navigator.onLine !== false) void liveKeys();
}
