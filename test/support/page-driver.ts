/**
 * The browser tests' page driver: Debian's Chromium (/usr/bin/chromium, driven by playwright-core) against the file's
 * test system, which serves a private copy of the built pages (useTestSystem's `web`), so that a concurrent rebuild
 * cannot pull files from under a running page. `usePageRig()` starts both before the file's tests and stops them
 * after. Each page opens in a context of its own unless told otherwise (cookies, storage and service workers never
 * leak between tests), at a phone's or a desk's viewport, watched for what must never happen: script errors and CSP
 * violations, dialogs, requests to other origins. Screenshots go to test-artifacts/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from './chromium';
import { type TestSystem, useTestSystem } from './local-system';

export const ARTIFACTS_DIR = resolve(
  import.meta.dirname ?? new URL('.', import.meta.url).pathname,
  '..',
  '..',
  'test-artifacts',
);

/** The pages are designed mobile first: a phone is the default. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  // A phone in China: with no language chosen, the pages follow the browser's (zh first, as the pages are).
  locale: 'zh-CN',
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** An officer's desk (the procurement page's wide tables). */
export const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
  locale: 'zh-CN',
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: false,
};

/** Debian's Chromium, headless (test/support/chromium.ts). `extraArgs` e.g. a fake camera. */
export const launchBrowser = launchChromium;

/** The console at the desk and on a phone, in Chinese: the two widths its page tests run at. */
export const CONSOLE_WIDTHS = [
  ['desk', { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' }],
  ['phone', { viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true }],
] as const satisfies readonly (readonly [string, BrowserContextOptions])[];

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

/** A page, what went wrong on it, and what it asked for — to explain a test that waited in vain. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  problems: PageProblems;
  /** Paths that answered 404. */
  notFound: string[];
  /** Every response, failed request and console line, in order. */
  trail: string[];
}

export function watched(page: Page, context: BrowserContext, origin: string): WatchedPage {
  const opened: WatchedPage = { page, context, problems: watchPage(page, origin), notFound: [], trail: [] };
  page.on('response', (r) => {
    opened.trail.push(`${r.status()} ${new URL(r.url()).pathname}`);
    if (r.status() === 404) opened.notFound.push(new URL(r.url()).pathname);
  });
  page.on('requestfailed', (r) =>
    opened.trail.push(`failed ${new URL(r.url()).pathname} ${r.failure()?.errorText ?? ''}`),
  );
  page.on('console', (m) => opened.trail.push(`console ${m.type()} ${m.text()}`));
  return opened;
}

/** Saves a screenshot (the viewport, or the whole page) under test-artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}

/** How far the page is wider than its viewport: anything but 0 is a horizontal scroll bar. */
export async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export interface OpenOptions {
  /** Open in this context (its storage, service worker and offline state); a new one otherwise. */
  context?: BrowserContext;
  /** For a new context: the phone (default), the desk, or any options of its own. */
  viewport?: 'phone' | 'desktop';
  contextOptions?: BrowserContextOptions;
}

export interface PageRig {
  sys: TestSystem;
  /** The browser, once the file's tests run. */
  readonly browser: Browser;
  /** Every page's problems, for an afterAll that checks them all. */
  problems: PageProblems[];
  newContext(options?: Pick<OpenOptions, 'viewport' | 'contextOptions'>): Promise<BrowserContext>;
  /** Opens a path (or a whole URL) of the system, watched. */
  open(path: string, options?: OpenOptions): Promise<WatchedPage>;
  /** The console, signed in as a demo user through the development identity provider. */
  signedIn(sub: string, options?: OpenOptions): Promise<Page>;
}

/** The file's system serving the built pages, and a browser: started before its tests, stopped after them. */
export function usePageRig(options: { now: string }): PageRig {
  const sys = useTestSystem({ now: options.now, web: true });
  let running: Browser | undefined;
  beforeAll(async () => {
    running = await launchBrowser();
  });
  afterAll(async () => {
    await running?.close().catch(() => undefined);
  });
  const browser = () => {
    if (!running) throw new Error('The browser is not running here: use the rig in a test or a hook.');
    return running;
  };
  const problems: PageProblems[] = [];
  const newContext: PageRig['newContext'] = (o = {}) =>
    browser().newContext({ ...(o.viewport === 'desktop' ? DESKTOP : PHONE), ...o.contextOptions });
  const open: PageRig['open'] = async (path, o = {}) => {
    const context = o.context ?? (await newContext(o));
    const page = watched(await context.newPage(), context, sys.url);
    problems.push(page.problems);
    await page.page.goto(path.startsWith('http') ? path : `${sys.url}${path}`);
    return page;
  };
  return {
    sys,
    get browser() {
      return browser();
    },
    problems,
    newContext,
    open,
    async signedIn(sub, o) {
      const { page } = await open('/console', o);
      await page.click(`button.user[data-sub="${sub}"]`);
      await page.waitForSelector('#sign-out');
      return page;
    },
  };
}

/**
 * The console: opens a lifecycle step's form on the current page (its disclosure) and returns the form. A step the
 * console proposes is open already: clicking it would close it.
 */
export async function openAction(page: Page, transition: string) {
  const details = page.locator(`details[data-transition="${transition}"]`);
  if ((await details.getAttribute('open')) === null) await details.locator('> summary').click();
  const form = details.locator('form');
  await form.waitFor();
  return form;
}

/** The console: waits until the busy state of a long action is over. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

/** A page that is really offline, and the way back online. */
export interface OfflinePage {
  backOnline(): Promise<void>;
}

/**
 * Takes an open page of an offline context really offline. Chromium 156 may start the renderer for a navigation made
 * after the context went offline with `navigator.onLine` still true; the page's own network conditions, set over
 * CDP, are honoured by every renderer it gets.
 */
export async function takeOffline(context: BrowserContext, page: Page): Promise<OfflinePage> {
  const cdp = await context.newCDPSession(page);
  const conditions = (offline: boolean) =>
    cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await context.setOffline(true);
  await conditions(true);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
  return {
    async backOnline() {
      await conditions(false);
      await context.setOffline(false);
    },
  };
}
