/**
 * A list filled page by page from an API that answers `{ items, cursor }`: each page is appended, and a "more"
 * button asks for the next one with the cursor the last answer gave. The search results of both public pages and
 * the console's queues load this way.
 */
import { type Child, replaceChildren } from './dom';

export interface PagedListOptions<T> {
  list: HTMLElement;
  /** Holds the "more" button while there is a next page. */
  more: HTMLElement;
  /** One page, or null when it failed (and the caller has said why). */
  fetchPage(cursor?: string): Promise<{ items: readonly T[]; cursor?: string | undefined } | null>;
  item(value: T): Child;
  /** The "more" button, calling `next` when pressed. */
  moreButton(next: () => void): HTMLElement;
  /** After each page: how many items the list holds now. */
  loaded?(count: number): void;
}

export async function loadPaged<T>(options: PagedListOptions<T>, cursor?: string): Promise<void> {
  // The button goes while its page loads: pressed twice, it would append the same page twice.
  replaceChildren(options.more);
  const page = await options.fetchPage(cursor);
  if (!page) return;
  for (const value of page.items) {
    const child = options.item(value);
    if (child instanceof Node) options.list.appendChild(child);
  }
  options.loaded?.(options.list.childElementCount);
  const next = page.cursor;
  if (next)
    replaceChildren(
      options.more,
      options.moreButton(() => void loadPaged(options, next)),
    );
}
