/**
 * What the console's browser tests share: a system serving the built web, a browser, and a signed-in page per demo
 * user. `useConsoleRig()` starts them before the file's tests and stops them after.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newContext, type PageProblems, watchPage } from '../support/browser';
import { type TestSystem, useTestSystem } from '../support/local-system';

export interface ConsoleRig {
  sys: TestSystem;
  problems: PageProblems[];
  signedIn(sub: string): Promise<Page>;
}

export function useConsoleRig(now: string): ConsoleRig {
  const sys = useTestSystem({ now, web: true });
  let browser: Browser | undefined;
  const problems: PageProblems[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
  });
  return {
    sys,
    problems,
    async signedIn(sub) {
      const page = await (await newContext(browser!)).newPage();
      problems.push(watchPage(page, sys.url));
      await page.goto(`${sys.url}/console`);
      await page.click(`button.user[data-sub="${sub}"]`);
      await page.waitForSelector('#sign-out');
      return page;
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
