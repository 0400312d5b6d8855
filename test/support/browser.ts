/**
 * A reusable headless Chromium for browser tests (Debian's /usr/bin/chromium driven by playwright-core). One browser
 * per test file; each test opens its own context so cookies, storage and service workers do not leak between tests.
 * Screenshots go to test-artifacts/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = resolve(
  import.meta.dirname ?? new URL('.', import.meta.url).pathname,
  '..',
  '..',
  'test-artifacts',
);

/** A phone-sized viewport: the pages are designed mobile first. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** Debian's Chromium, headless. `extraArgs` e.g. a fake camera: --use-fake-device-for-media-stream … */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
      ...extraArgs,
    ],
  });
}

export interface PageProblems {
  /** Uncaught page errors and console errors (CSP violations show up here). */
  errors: string[];
  /** Any alert/confirm/prompt that fired: a script injection would. */
  dialogs: string[];
  /** Requests to any origin other than the page's own. */
  foreignRequests: string[];
}

/**
 * Records what should never happen on a page: script errors, CSP violations, dialogs, requests to other origins.
 * Dialogs are dismissed so a test never hangs on one.
 */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { errors: [], dialogs: [], foreignRequests: [] };
  page.on('pageerror', (e) => problems.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(m.text());
  });
  page.on('dialog', (d) => {
    problems.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.foreignRequests.push(url);
  });
  return problems;
}

export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, ...options });
}

/** Saves a screenshot (the viewport, or the whole page) under test-artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}
