/** The procurement page's HTML (written by web/build.ts). */
import type { PageDocument } from '../../chrome/document';
import { PROCUREMENT_CHROME } from '../../procurement/chrome';
import { M } from '../../procurement/messages';

export const PROCUREMENT_DOCUMENT: PageDocument = {
  page: 'procurement',
  title: M.docTitle,
  description: M.description,
  chrome: PROCUREMENT_CHROME,
  noscript: M.noscript,
};
