/**
 * The star-mark URL: `<public base URL>/v#<token>`. The token rides in the fragment so that it never reaches a
 * server log, and the verify page can check it with no network at all.
 */
import { STAR_MARK_PATH } from '../pages';

export function starMarkUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${STAR_MARK_PATH}#${token}`;
}

/** The token of a scanned URL (or a bare token pasted by hand); null when there is none. */
export function tokenFromStarMarkUrl(text: string): string | null {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  const token = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  return token.length > 0 ? token : null;
}
