/**
 * The public verification page: one HTML shell, three views chosen by the URL.
 *
 *   /v#<token>     a star mark: the signature is checked on the device at once, then the live status by number
 *   /c/<number>    a certificate's public record (its permalink)
 *   /  (?q=…)      scan, look up by number / name / credit code, and how to tell a genuine mark
 *
 * Every organization-supplied string reaches the DOM as a Text node (common/dom.ts); nothing is parsed as HTML.
 */
import type { PublicCertificate } from '../../../shared/public-record';
import { chinaDate } from '../../../shared/calendar';
import { tokenFromStarMarkUrl } from '../../../shared/star-mark/url';
import { getJson } from '../common/api';
import { byId, h, hl, replaceChildren, type Child } from '../common/dom';
import { initLang, lang, onLangChange, setLang, t } from '../common/i18n';
import { certificateView } from './certificate-view';
import { combine, liveKeys, offlineKeys, storedKeys, type KeySet } from './keys';
import { M } from './messages';
import { numberIn, runSearch, searchForm } from './search-view';
import { checkSignature, looksLikeToken } from './signature';
import { decide, type LiveStatus, type SignatureCheck } from './verdict';
import { verdictDetails, verdictPanel } from './verdict-view';

interface View {
  render(): void;
  dispose?(): void;
  /** The view moves focus itself once its content has arrived (see settleFocus). */
  settlesFocus?: boolean;
}

let view: View | null = null;
let routedUrl = '';
/** Aborts the requests of the view being left. */
let controller = new AbortController();

function app(): HTMLElement {
  return byId('app');
}

function setTitle(...parts: string[]): void {
  document.title = [...parts, t(M.docTitle)].filter(Boolean).join(' · ');
}

/** Set by an in-page navigation: the new view's heading takes focus once it is drawn, so screen readers follow. */
let focusPending = false;

function settleFocus(): void {
  if (!focusPending) return;
  const heading = app().querySelector<HTMLElement>('h1');
  if (!heading) return;
  focusPending = false;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

// ---------------------------------------------------------------------------------------------------------------
// Star mark: /v#<token>

interface MarkState {
  token: string;
  signature: SignatureCheck | null;
  live: LiveStatus;
  keys: { settled: boolean; fresh: boolean };
  checkedAt: Date;
  /** The host a QR scanned in the page pointed to, when it was not this site. */
  foreignHost?: string;
}

function markView(token: string, foreignHost?: string): View {
  const signal = controller.signal;
  const state: MarkState = { token, signature: null, live: { state: 'pending' }, keys: { settled: false, fresh: false }, checkedAt: new Date(), ...(foreignHost ? { foreignHost } : {}) };
  const region = h('div', { id: 'verdict', class: 'verdict-region', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const details = h('div', { class: 'verdict-more' });
  const heading = h('h1', { class: 'visually-hidden' });
  replaceChildren(app(), h('section', { class: 'mark-view', 'aria-labelledby': 'mark-heading' }, heading, region, details));
  heading.id = 'mark-heading';

  const render = () => {
    const verdict = decide(state.signature, state.live, state.keys, chinaDate(state.checkedAt));
    heading.textContent = t(M.verdictLive);
    replaceChildren(region, verdictPanel(verdict));
    const extra: Child[] = [];
    if (state.foreignHost) extra.push(h('p', { class: 'note note-warn' }, t(M.foreignHost, { host: state.foreignHost })));
    replaceChildren(details, extra, verdictDetails(verdict, { checkedAt: state.checkedAt, onRetry: () => void run(), onScanAnother: () => navigate('/') }));
    setTitle(t(verdictTitleKey(verdict.kind)));
  };

  let running = false;
  const fetchStatus = async (number: string): Promise<void> => {
    const res = await getJson<PublicCertificate>(`/v1/certificates/${encodeURIComponent(number)}`, { signal, timeoutMs: 8000 });
    if (signal.aborted) return;
    if (res.kind === 'ok') state.live = { state: 'record', record: res.body };
    else if (res.kind === 'problem' && res.status === 404 && res.problem.code === 'NOT_FOUND') state.live = { state: 'not-found' };
    else state.live = { state: 'unreachable' };
    state.checkedAt = new Date();
    render();
  };

  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      state.checkedAt = new Date();
      state.live = { state: 'pending' };
      state.keys = { settled: false, fresh: false };
      render();
      // Known to be offline: no request is made, so nothing waits on a timeout.
      const online = navigator.onLine !== false;
      // The server's keys (new keys, revocations) are asked for at once, in parallel with the check below.
      const freshKeys: Promise<KeySet | null> = online ? liveKeys() : Promise.resolve(null);
      // 1. At once, with the keys this device holds (no network needed): stored, then the baked set if need be.
      let held = combine(storedKeys(), [], false);
      state.signature = await checkSignature(token, held, new Date());
      if (state.signature.outcome === 'unknown-key') {
        held = await offlineKeys();
        if (signal.aborted) return;
        state.signature = await checkSignature(token, held, new Date());
      }
      if (signal.aborted) return;
      render();
      const statusOf = (sig: SignatureCheck | null) => (sig?.outcome === 'authentic' && online ? fetchStatus(sig.claims.number) : null);
      // 2. The live status by number, while the keys are still on their way.
      let statusDone = statusOf(state.signature);
      const fresh = await freshKeys;
      if (signal.aborted) return;
      state.keys = { settled: true, fresh: fresh !== null };
      if (fresh) {
        const before = state.signature.outcome;
        state.signature = await checkSignature(token, fresh, new Date());
        if (state.signature.outcome === 'authentic' && before !== 'authentic') statusDone = statusOf(state.signature);
        if (state.signature.outcome !== 'authentic') state.live = { state: 'pending' };
      }
      if (!online || (!statusDone && state.signature.outcome === 'authentic')) state.live = { state: 'unreachable' };
      render();
      if (statusDone && state.signature.outcome === 'authentic') await statusDone;
    } finally {
      running = false;
    }
  };

  const onOnline = () => {
    const v = decide(state.signature, state.live, state.keys, chinaDate(state.checkedAt));
    if (v.kind === 'offline' || v.kind === 'unverifiable') void run();
  };
  window.addEventListener('online', onOnline);
  void run();
  return { render, dispose: () => window.removeEventListener('online', onOnline) };
}

function verdictTitleKey(kind: string) {
  switch (kind) {
    case 'valid':
      return M.validTitle;
    case 'suspended':
      return M.suspendedTitle;
    case 'withdrawn':
      return M.withdrawnTitle;
    case 'cancelled':
      return M.cancelledTitle;
    case 'expired':
      return M.expiredTitle;
    case 'counterfeit':
      return M.counterfeitTitle;
    case 'offline':
      return M.offlineTitle;
    case 'unverifiable':
      return M.unverifiableTitle;
    default:
      return M.checking;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Certificate: /c/<number>

function certificatePage(number: string): View {
  const signal = controller.signal;
  let outcome: { kind: 'loading' } | { kind: 'record'; record: PublicCertificate } | { kind: 'message'; text: () => string; hint?: () => string } = { kind: 'loading' };
  const render = () => {
    if (outcome.kind === 'record') {
      replaceChildren(app(), certificateView(outcome.record), backHome());
      setTitle(outcome.record.organization.name, outcome.record.number);
      return settleFocus();
    }
    const text = outcome.kind === 'loading' ? t(M.loading) : outcome.text();
    const hint = outcome.kind === 'message' && outcome.hint ? outcome.hint() : null;
    replaceChildren(
      app(),
      h('section', { class: 'card' }, h('h1', { class: 'section-title' }, t(M.certificateTitle)), h('p', { role: 'status', class: outcome.kind === 'loading' ? 'muted' : 'message' }, text), hint && h('p', { class: 'muted' }, hint)),
      backHome(),
    );
    setTitle(number);
    if (outcome.kind !== 'loading') settleFocus();
  };
  const load = async () => {
    const canonical = numberIn(number);
    if (!canonical) {
      outcome = { kind: 'message', text: () => t(M.badNumber) };
      return render();
    }
    render();
    const res = await getJson<PublicCertificate>(`/v1/certificates/${encodeURIComponent(canonical)}`, { signal });
    if (signal.aborted) return;
    if (res.kind === 'ok') outcome = { kind: 'record', record: res.body };
    else if (res.kind === 'problem' && res.status === 404) outcome = { kind: 'message', text: () => t(M.certNotFound, { number: canonical }), hint: () => t(M.certNotFoundHint) };
    else if (res.kind === 'problem' && res.status === 400) outcome = { kind: 'message', text: () => t(M.badNumber) };
    else outcome = { kind: 'message', text: () => t(navigator.onLine === false || res.kind === 'network' ? M.offlineLookup : M.serverError) };
    render();
  };
  void load();
  return { render, settlesFocus: true };
}

function backHome(): HTMLElement {
  return h('p', { class: 'back' }, h('a', { href: '/', class: 'button' }, t(M.scanAnother)));
}

// ---------------------------------------------------------------------------------------------------------------
// Home: scan and look up

function homeView(query: string): View {
  const signal = controller.signal;
  let camera: { stop(): void } | null = null;
  let scanMessage: (() => string) | null = null;

  const render = () => {
    camera?.stop();
    camera = null;
    const scannerHost = h('div', { class: 'scanner' });
    const message = h('p', { class: 'scan-message', role: 'status', 'aria-live': 'polite' }, scanMessage ? scanMessage() : '');
    const say = (msg: (() => string) | null) => {
      scanMessage = msg;
      message.textContent = msg ? msg() : '';
    };
    const loadScanner = () =>
      import('./scanner').catch((error: unknown) => {
        say(() => t(M.scanFailed));
        throw error;
      });

    const cameraButton: HTMLButtonElement = hl(
      'button',
      { type: 'button', class: 'button button-primary button-wide', 'aria-controls': 'scanner' },
      {
        click: async () => {
          if (camera) {
            camera.stop();
            camera = null;
            cameraButton.textContent = t(M.scanCamera);
            say(null);
            return;
          }
          say(() => t(M.scanStarting));
          try {
            const scanner = await loadScanner();
            camera = await scanner.startCamera(scannerHost, (text) => scanned(text, say));
            cameraButton.textContent = t(M.scanStop);
            say(() => t(M.scanHint));
          } catch {
            camera = null;
            say(() => t(M.scanNoCamera));
          }
        },
      },
      cameraIcon(),
      t(M.scanCamera),
    );

    const photoInput = hl(
      'input',
      { id: 'photo', type: 'file', accept: 'image/*', capture: 'environment', class: 'visually-hidden' },
      {
        change: async () => {
          const file = photoInput.files?.[0];
          photoInput.value = '';
          if (!file) return;
          say(() => t(M.scanDecoding));
          try {
            const scanner = await loadScanner();
            const text = await scanner.decodeImageFile(file);
            if (!text) return say(() => t(M.scanNoCode));
            scanned(text, say);
          } catch {
            say(() => t(M.scanNoCode));
          }
        },
      },
    );

    const results = h('div', { class: 'results', id: 'results' });
    replaceChildren(
      app(),
      h(
        'section',
        { class: 'card scan-card', 'aria-labelledby': 'scan-heading' },
        h('h1', { id: 'scan-heading', class: 'section-title' }, t(M.scanTitle)),
        h('p', { class: 'lead' }, t(M.scanIntro)),
        h('div', { class: 'scan-actions' }, cameraButton, photoInput, h('label', { for: 'photo', class: 'button button-wide' }, photoIcon(), t(M.scanPhoto))),
        h('div', { id: 'scanner' }, scannerHost),
        message,
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'lookup-heading' },
        h('h2', { id: 'lookup-heading', class: 'section-title' }, t(M.lookupTitle)),
        searchForm(query, (q) => {
          const number = numberIn(q);
          if (number) return navigate(`/c/${encodeURIComponent(number)}`);
          navigate(`/?q=${encodeURIComponent(q)}`);
        }),
        results,
      ),
      h(
        'section',
        { class: 'card about', 'aria-labelledby': 'about-heading' },
        h('h2', { id: 'about-heading', class: 'section-title' }, t(M.aboutTitle)),
        h('ol', { class: 'about-list' }, h('li', null, t(M.about1)), h('li', null, t(M.about2)), h('li', null, t(M.about3))),
      ),
    );
    setTitle();
    if (query) void runSearch(results, query, signal);
  };
  return { render, dispose: () => camera?.stop() };
}

/** A code read by the camera or from a photo. Returns true when scanning should stop. */
function scanned(text: string, say: (msg: (() => string) | null) => void): boolean {
  const token = tokenFromStarMarkUrl(text);
  if (!token || !looksLikeToken(token)) {
    say(() => t(M.scanNotMark));
    return false;
  }
  let host: string | undefined;
  try {
    const url = new URL(text.trim());
    if (url.host !== location.host) host = url.host;
  } catch {
    // a bare token
  }
  navigate(`/v#${token}`, host);
  return true;
}

function cameraIcon(): SVGSVGElement {
  return icon('M4 8h3l2-2.5h6L17 8h3v11H4zM12 16.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z');
}

function photoIcon(): SVGSVGElement {
  return icon('M4 5h16v14H4zM4 16l5-5 4 4 2.5-2.5L20 17M15.5 9.5h.01');
}

function icon(d: string): SVGSVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  el.setAttribute('viewBox', '0 0 24 24');
  el.setAttribute('class', 'icon');
  el.setAttribute('aria-hidden', 'true');
  el.setAttribute('focusable', 'false');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', d);
  el.appendChild(path);
  return el;
}

// ---------------------------------------------------------------------------------------------------------------
// Routing

let pendingForeignHost: string | undefined;

function navigate(url: string, foreignHost?: string): void {
  history.pushState(null, '', url);
  pendingForeignHost = foreignHost;
  route(true);
}

function route(userAction = false): void {
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
  if (token && (path === '/v' || path === '/v/' || looksLikeToken(token))) view = markView(token, pendingForeignHost);
  else if (path.startsWith('/c/')) view = certificatePage(safeDecode(path.slice(3)));
  else view = homeView(new URLSearchParams(location.search).get('q')?.trim() ?? '');
  pendingForeignHost = undefined;
  focusPending = userAction;
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
function interceptLinks(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return;
  if (!(url.pathname === '/' || url.pathname === '/v' || url.pathname.startsWith('/c/'))) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

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

export function start(): void {
  initLang();
  renderChrome();
  updateOnline();
  byId<HTMLButtonElement>('lang-switch').addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
  onLangChange(() => {
    renderChrome();
    view?.render();
  });
  window.addEventListener('online', updateOnline);
  window.addEventListener('offline', updateOnline);
  window.addEventListener('popstate', () => route());
  window.addEventListener('hashchange', () => route());
  document.addEventListener('click', interceptLinks);
  route();
}
