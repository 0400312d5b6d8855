/**
 * The site's pages and their clean URLs: one table that the local gateway (functions/local/static-files.ts), the
 * CloudFront page router (infra/constructs/page-router.ts) and the pages themselves read. `/v` is where every
 * star-mark QR code lands, `/c/<number>` a certificate's permalink, `/console` the staff console.
 */

/** The built HTML file of each page. */
export const PAGE_FILES = {
  verify: '/index.html',
  procurement: '/procurement.html',
  console: '/console.html',
} as const;

export type PageName = keyof typeof PAGE_FILES;

/** Where a star mark's QR code points: the token follows in the fragment. */
export const STAR_MARK_PATH = '/v';
/** A certificate's permalink: `/c/<number>`. */
export const CERTIFICATE_PATH_PREFIX = '/c/';

/** A receipt's short permalink: `/r/<receipt id>` (the procurement page fetches and re-checks it). */
export const RECEIPT_PATH_PREFIX = '/r/';

/** Exact clean paths and the file each serves. */
export const PAGE_ALIASES: Readonly<Record<string, string>> = {
  '/': PAGE_FILES.verify,
  [STAR_MARK_PATH]: PAGE_FILES.verify,
  '/c': PAGE_FILES.verify,
  '/console': PAGE_FILES.console,
};

/** Path prefixes whose every path serves one file. */
export const PAGE_PREFIXES: Readonly<Record<string, string>> = {
  [CERTIFICATE_PATH_PREFIX]: PAGE_FILES.verify,
  [RECEIPT_PATH_PREFIX]: PAGE_FILES.procurement,
};

/** The file a clean page URL serves, or undefined when the path is not a page alias (a file, the API). */
export function pageFileOf(pathname: string): string | undefined {
  const exact = PAGE_ALIASES[pathname];
  if (exact) return exact;
  const prefix = Object.keys(PAGE_PREFIXES).find((p) => pathname.startsWith(p));
  return prefix ? PAGE_PREFIXES[prefix] : undefined;
}

/** True when the path shows the given page (its file itself, or one of its clean URLs). */
export function isPagePath(pathname: string, page: PageName): boolean {
  return pathname === PAGE_FILES[page] || pageFileOf(pathname) === PAGE_FILES[page];
}

export function certificatePagePath(number: string): string {
  return `${CERTIFICATE_PATH_PREFIX}${encodeURIComponent(number)}`;
}
