/**
 * Chooses the view from the URL, and moves between views in the page (history.pushState) without a reload. Leaving
 * a view aborts its requests and disposes of it (camera, listeners).
 */
import { CERTIFICATE_PATH_PREFIX, isPagePath, STAR_MARK_PATH } from '../../../shared/pages';
import { tokenFromStarMarkUrl } from '../../../shared/star-mark/url';
import { certificatePage } from './certificate-page';
import { homeView } from './home-page';
import { markView } from './mark-page';
import { expectFocus, settleFocus, type View } from './page';
import { looksLikeToken } from './signature';

let view: View | null = null;
let routedUrl = '';
/** Aborts the requests of the view being left. */
let controller = new AbortController();
/** The host a scanned QR pointed to, handed from navigate() to the mark view that route() makes. */
let pendingForeignHost: string | undefined;

export function navigate(url: string, foreignHost?: string): void {
  history.pushState(null, '', url);
  pendingForeignHost = foreignHost;
  route(true);
}

/** Draws the current view again, in the language now chosen. */
export function rerender(): void {
  view?.render();
}

export function route(userAction = false): void {
  const url = location.pathname + location.search + location.hash;
  if (url === routedUrl && view) return;
  routedUrl = url;
  controller.abort();
  controller = new AbortController();
  view?.dispose?.();
  const hash = location.hash.slice(1);
  let token: string | null = null;
  try {
    token = hash ? tokenFromStarMarkUrl(decodeURIComponent(hash)) : null;
  } catch {
    token = hash;
  }
  const path = location.pathname;
  const signal = controller.signal;
  if (token && (path === STAR_MARK_PATH || path === `${STAR_MARK_PATH}/` || looksLikeToken(token)))
    view = markView(token, pendingForeignHost, signal, navigate);
  else if (path.startsWith(CERTIFICATE_PATH_PREFIX))
    view = certificatePage(safeDecode(path.slice(CERTIFICATE_PATH_PREFIX.length)), signal);
  else view = homeView(new URLSearchParams(location.search).get('q')?.trim() ?? '', signal, navigate);
  pendingForeignHost = undefined;
  // Only after the view is made: a view that settles focus while being made still sees the previous request.
  expectFocus(userAction);
  if (userAction) window.scrollTo(0, 0);
  view.render();
  // The certificate view settles focus itself once its record is in; the others have their heading at once.
  if (!view.settlesFocus) settleFocus();
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s).replace(/\/+$/, '');
  } catch {
    return s;
  }
}

/** In-page navigation for links to this page's own views; anything else loads normally. */
export function interceptLinks(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return;
  if (!isPagePath(url.pathname, 'verify')) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}
