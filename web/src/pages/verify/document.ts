/** The verify page's HTML (written by web/build.ts): installable, laid out under a phone's notch. */
import type { PageDocument } from '../../chrome/document';
import { VERIFY_CHROME } from '../../verify/chrome';
import { M } from '../../verify/messages';

export const VERIFY_DOCUMENT: PageDocument = {
  page: 'verify',
  title: M.docTitle,
  description: M.description,
  chrome: VERIFY_CHROME,
  viewportFit: true,
  installable: true,
  noscript: M.noscript,
};
