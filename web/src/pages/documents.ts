/**
 * Every page the build writes: its document (HTML and chrome), and by convention its entry script `<page>/main.ts`
 * and its stylesheet `<page>/styles.css` beside it.
 */
import type { PageDocument } from '../chrome/document';
import { CONSOLE_DOCUMENT } from './console/document';
import { PROCUREMENT_DOCUMENT } from './procurement/document';
import { VERIFY_DOCUMENT } from './verify/document';

export const PAGE_DOCUMENTS: readonly PageDocument[] = [VERIFY_DOCUMENT, PROCUREMENT_DOCUMENT, CONSOLE_DOCUMENT];
