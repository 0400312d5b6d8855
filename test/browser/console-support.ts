/**
 * What the console's browser tests share: the built web copied aside (so a concurrent rebuild cannot pull files
 * from under a running test), a system serving it, and a signed-in page per demo user.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuilt, launchBrowser, newContext, type PageProblems, watchPage } from '../support/browser';
import { startTestSystem, type TestSystem } from '../support/local-system';

export interface ConsoleRig {
  sys: TestSystem;
  browser: Browser;
  problems: PageProblems[];
  signedIn(sub: string): Promise<Page>;
  stop(): Promise<void>;
}

export async function startConsoleRig(now: string): Promise<ConsoleRig> {
  const dist = await ensureWebBuilt();
  const webRoot = mkdtempSync(join(tmpdir(), 'starmark-console-'));
  cpSync(dist, webRoot, { recursive: true });
  const sys = await startTestSystem({ now, webRoot });
  const browser = await launchBrowser();
  const problems: PageProblems[] = [];
  return {
    sys,
    browser,
    problems,
    async signedIn(sub) {
      const page = await (await newContext(browser)).newPage();
      problems.push(watchPage(page, sys.url));
      await page.goto(`${sys.url}/console`);
      await page.click(`button.user[data-sub="${sub}"]`);
      await page.waitForSelector('#sign-out');
      return page;
    },
    async stop() {
      await browser.close().catch(() => undefined);
      await sys.stop();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}

/** Opens a step's form on the current page (its disclosure) and returns the form. */
export async function openAction(page: Page, transition: string) {
  await page.click(`details[data-transition="${transition}"] > summary`);
  const form = page.locator(`details[data-transition="${transition}"] form`);
  await form.waitFor();
  return form;
}

/** Waits until the busy state of a long action is over. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}
