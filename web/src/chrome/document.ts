/**
 * A page's HTML document, written by the build (web/build.ts): the head, the shared chrome (spec.ts) and the page's
 * boot content, with the stylesheets and scripts the build made for it. No inline script or style: the CSP
 * forbids both, so everything the page does arrives as a file.
 */
import type { PageName } from '../../../shared/pages';
import type { Msg } from '../common/i18n';
import { type Html, html } from './html';
import { CHROME_WORDS, type ChromeSpec } from './spec';

/** The masthead navy (tokens.css --navy): the browser's toolbar takes it too. */
const THEME_COLOUR = '#0c3b66';

export interface PageDocument {
  page: PageName;
  title: Msg;
  description?: Msg;
  chrome: ChromeSpec;
  /** Lay the page out under a phone's notch and rounded corners too. */
  viewportFit?: boolean;
  /** Keep search engines out (the console). */
  noindex?: boolean;
  /** Offer to install the page (its web app manifest): the verify page, which works offline. */
  installable?: boolean;
  /** What the page says without JavaScript. */
  noscript: Msg;
  /** Markup the page's script fills in: beside the brand, under the masthead, before the main column. */
  slots?: { mastheadEnd?: Html; mastheadBelow?: Html; beforeMain?: Html };
}

/** What the build made for a page: its stylesheets, its entry script and the modules that entry imports at once. */
export interface PageAssets {
  styles: readonly string[];
  script: string;
  preload: readonly string[];
}

const both = (msg: Msg) => `${msg.zh} ${msg.en}`;
/** Shown until the page's script has drawn it. */
const LOADING: Msg = { zh: '正在加载…', en: 'Loading…' };

const EMBLEM = html`<svg class="emblem" viewBox="0 0 48 48" aria-hidden="true" focusable="false"><circle cx="24" cy="24" r="21.5"/><circle cx="24" cy="24" r="17"/><path d="M24 11.5l3.6 7.6 8.3 1-6.1 5.7 1.6 8.2L24 30l-7.4 4 1.6-8.2-6.1-5.7 8.3-1z"/></svg>`;

function masthead(doc: PageDocument): Html {
  const { brand, languages } = doc.chrome;
  const subtitle =
    languages === 'both'
      ? html`<span id="site-subtitle" class="brand-sub" lang="en">${brand.subtitle?.en ?? brand.title.en}</span>`
      : html`<span id="site-subtitle" class="brand-sub">${(brand.subtitle ?? CHROME_WORDS.scheme).zh}</span>`;
  const langSwitch =
    languages === 'switch' &&
    html`<button id="lang-switch" class="lang-switch" type="button" lang="en" aria-label="${CHROME_WORDS.switchLangLabel.zh}">${CHROME_WORDS.switchLang.zh}</button>`;
  return html`<header class="masthead">
  <div class="wrap masthead-row">
    <a class="brand" href="${brand.href}">
      ${EMBLEM}
      <span class="brand-text"><span id="site-title" class="brand-title" lang="zh-CN">${brand.title.zh}</span>${subtitle}</span>
    </a>
    ${langSwitch}${doc.slots?.mastheadEnd}
  </div>${
    doc.slots?.mastheadBelow &&
    html`
  <div class="wrap">${doc.slots.mastheadBelow}</div>`
  }
</header>`;
}

export function renderDocument(doc: PageDocument, assets: PageAssets): string {
  const { chrome } = doc;
  const say = (msg: Msg) => (chrome.languages === 'both' ? both(msg) : msg.zh);
  const viewport = `width=device-width, initial-scale=1${doc.viewportFit ? ', viewport-fit=cover' : ''}`;
  const page = html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="${viewport}">
<title>${doc.title.zh} · ${doc.title.en}</title>
${doc.description && html`<meta name="description" content="${doc.description.zh} · ${doc.description.en}">\n`}<meta name="theme-color" content="${THEME_COLOUR}">
<meta name="referrer" content="no-referrer">
${doc.noindex && html`<meta name="robots" content="noindex">\n`}<meta name="format-detection" content="telephone=no">
${doc.installable && html`<link rel="manifest" href="/manifest.webmanifest">\n`}<link rel="icon" href="/icon.svg" type="image/svg+xml">
${doc.installable && html`<link rel="apple-touch-icon" href="/icon-192.png">\n`}${assets.styles.map((href) => html`<link rel="stylesheet" href="${href}">\n`)}${assets.preload.map((href) => html`<link rel="modulepreload" href="${href}">\n`)}<script type="module" src="${assets.script}"></script>
</head>
<body>
<a id="skip-link" class="skip-link" href="#main">${say(CHROME_WORDS.skip)}</a>
${masthead(doc)}
${chrome.offline && html`<p id="offline-banner" class="offline-banner" role="status" hidden>${chrome.offline.zh}</p>\n`}${doc.slots?.beforeMain && html`${doc.slots.beforeMain}\n`}<main id="main" class="wrap main" tabindex="-1">
  <div id="app"><p class="muted boot">${both(LOADING)}</p></div>
  <noscript><p class="card">${both(doc.noscript)}</p></noscript>
</main>
${
  chrome.footer &&
  html`<footer class="footer">
  <div class="wrap"><p id="footer-text">${say(chrome.footer)}</p></div>
</footer>
`
}</body>
</html>
`;
  return page.html;
}
