/**
 * Two languages, Chinese first. A message is a `{ zh, en }` pair, or a pair of functions for messages with values;
 * the chosen language is kept in localStorage so it survives a reload, and `?lang=en` in a link selects it too; with
 * no choice made, the browser's own languages decide.
 */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export interface Msg {
  readonly zh: string;
  readonly en: string;
}

const STORAGE_KEY = 'starmark.lang';
let current: Lang = 'zh';
const listeners = new Set<(lang: Lang) => void>();

function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (private mode, policy): the choice lasts for the page only
  }
}

/**
 * The browser's first language this page speaks, from `navigator.languages` in order of preference (`zh-TW`,
 * `zh-Hans-CN` are Chinese; `en-US` English); Chinese when it speaks none of them.
 */
export function browserLang(languages: readonly string[] = navigator.languages ?? [navigator.language]): Lang {
  for (const tag of languages) {
    const primary = tag?.toLowerCase().split('-')[0];
    if (isLang(primary)) return primary;
  }
  return 'zh';
}

/** Reads the language from `?lang=`, then from the stored choice, then from the browser's languages. */
export function initLang(): Lang {
  const fromQuery = new URLSearchParams(location.search).get('lang');
  const stored = storage()?.getItem(STORAGE_KEY);
  current = isLang(fromQuery) ? fromQuery : isLang(stored) ? stored : browserLang();
  if (isLang(fromQuery)) storage()?.setItem(STORAGE_KEY, fromQuery);
  applyToDocument();
  return current;
}

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  storage()?.setItem(STORAGE_KEY, next);
  applyToDocument();
  for (const listener of listeners) listener(next);
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function applyToDocument(): void {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

/** The message in the current language, with `{name}` placeholders filled from `values` (as text). */
export function t(msg: Msg, values?: Record<string, string | number>): string {
  const text = msg[current];
  return values
    ? text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))
    : text;
}

/** Picks the current language from any `{ zh, en }` pair (e.g. level names from the scheme). */
export function pick<T>(pair: { readonly zh: T; readonly en: T }): T {
  return pair[current];
}

/** BCP 47 tag for Intl formatting. */
export function locale(): string {
  return current === 'zh' ? 'zh-CN' : 'en-GB';
}
