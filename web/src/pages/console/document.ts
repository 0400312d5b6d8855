/** The console's HTML (written by web/build.ts): kept out of search engines; its script fills the slots. */
import type { PageDocument } from '../../chrome/document';
import { html } from '../../chrome/html';
import { CONSOLE_CHROME } from '../../console/chrome';
import { L } from '../../console/messages';
import { biText } from '../../console/ui';

export const CONSOLE_DOCUMENT: PageDocument = {
  page: 'console',
  title: L.title,
  chrome: CONSOLE_CHROME,
  viewportFit: true,
  noindex: true,
  noscript: L.noscript,
  slots: {
    mastheadEnd: html`<div id="user-box" class="user-box"></div>`,
    mastheadBelow: html`<nav id="nav" class="nav" aria-label="${biText(L.mainNav)}"></nav>`,
    beforeMain: html`<div id="console-status" class="status-region" role="status" aria-live="polite"></div>`,
  },
};
