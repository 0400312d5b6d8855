/**
 * The page shell the three views draw into: the #app element, the document title, and where focus goes after an
 * in-page navigation, so that a screen reader follows the user to the new view.
 */
import { byId } from '../common/dom';
import { t } from '../common/i18n';
import { M } from './messages';

export interface View {
  render(): void;
  dispose?(): void;
  /** The view moves focus itself once its content has arrived (see settleFocus). */
  settlesFocus?: boolean;
}

/** Views take this rather than importing the router, so that the router can import the views without a cycle. */
export type Navigate = (url: string, foreignHost?: string) => void;

export function app(): HTMLElement {
  return byId('app');
}

export function setTitle(...parts: string[]): void {
  document.title = [...parts, t(M.docTitle)].filter(Boolean).join(' · ');
}

/** Set by an in-page navigation: the new view's heading takes focus once it is drawn, so screen readers follow. */
let focusPending = false;
/**
 * The view's heading took focus: a redraw that replaces it (the certification body or a live record arriving later)
 * hands focus to the new heading, instead of leaving it on the body where a screen reader loses its place.
 */
let headingHeld = false;

export function expectFocus(pending: boolean): void {
  focusPending = pending;
  headingHeld = false;
}

export function settleFocus(): void {
  const lost = headingHeld && (document.activeElement === null || document.activeElement === document.body);
  if (!focusPending && !lost) return;
  const heading = app().querySelector<HTMLElement>('h1');
  if (!heading) return;
  focusPending = false;
  headingHeld = true;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}
