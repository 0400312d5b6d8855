/**
 * The page chrome every page shares — skip link, masthead (emblem, name, language switch), offline banner, footer —
 * described as data. The build writes it into each page's HTML (document.ts); the pages that switch language
 * re-word it at run time (chrome.ts). One description, so the three pages cannot drift apart.
 */
import type { Msg } from '../common/i18n';

export interface ChromeSpec {
  /** The page's name in the masthead; `subtitle` under it (the English name, when both languages show). */
  brand: { title: Msg; subtitle?: Msg; href: string };
  /**
   * `switch`: one language at a time, with a switch (the public pages). `both`: Chinese and English side by side,
   * no switch (the staff console, whose users work in both).
   */
  languages: 'switch' | 'both';
  /** Shown while the device is offline (the verify page, which works offline). */
  offline?: Msg;
  footer?: Msg;
}

/** The chrome's own words, the same on every page. */
export const CHROME_WORDS = {
  skip: { zh: '跳到主要内容', en: 'Skip to main content' },
  switchLang: { zh: 'English', en: '中文' },
  switchLangLabel: { zh: 'Switch to English', en: '切换到中文' },
  scheme: { zh: '商品售后服务认证 · GB/T 27922', en: 'After-sales service certification · GB/T 27922' },
} satisfies Record<string, Msg>;
