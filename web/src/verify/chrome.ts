/** The verify page's chrome: its name, the footer's promise, and the banner it shows offline. */
import type { ChromeSpec } from '../chrome/spec';
import { M } from './messages';

export const VERIFY_CHROME: ChromeSpec = {
  brand: { title: M.siteTitle, href: '/' },
  languages: 'switch',
  offline: M.offlineBanner,
  footer: M.footer,
};
