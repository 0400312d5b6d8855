/**
 * Debian's Chromium as the browser tests and the browser benches launch it (playwright-core). One flag is there for
 * offline work: without `--disable-features=RenderDocument`, Chromium may start the renderer of a navigation made
 * after the context went offline with `navigator.onLine` still true, so a page "offline" would take its online path
 * and see its requests fail. With it, `context.setOffline(true)` is what the page sees: `navigator.onLine` false.
 */
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
  '--disable-features=RenderDocument',
];

/** `extraArgs` e.g. a fake camera: --use-fake-device-for-media-stream … */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
