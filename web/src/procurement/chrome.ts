/** The procurement page's chrome: its name in the masthead. */
import { PAGE_FILES } from '../../../shared/pages';
import type { ChromeSpec } from '../chrome/spec';
import { M } from './messages';

export const PROCUREMENT_CHROME: ChromeSpec = {
  brand: { title: M.siteTitle, href: PAGE_FILES.procurement },
  languages: 'switch',
};
