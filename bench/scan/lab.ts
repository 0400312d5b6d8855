/**
 * The scan lab: Chromium with the corpus page (bench/scan/harness.ts) open and no BarcodeDetector, so that the
 * verify page's own fallback decoder is the one that reads. Photos are made and decoded there; the JPEG bytes come
 * back for the independent decoder.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type BarePage, serveBarePage } from '../bare-page';
import type { CorpusMark } from './marks';

/** The sides of the QR (quiet zone included) a phone sees, in pixels, and the blurs (σ, pixels) of the corpus. */
export const QR_SIDES_PX = [90, 105, 120, 135, 150, 165, 180] as const;
export const BLUR_SIGMAS = [0, 0.25, 0.5, 0.75, 1] as const;

const WASM_PATH = '/assets/zxing_reader.wasm';

interface Harness {
  photo(svg: string, width: number, height: number, sigma: number): Promise<string>;
  decodeWithPage(jpegDataUrl: string): Promise<string | null>;
}

export interface ScanLab {
  /** The mark drawn so that its QR is `qrPx` wide, blurred by σ, as JPEG at quality 60. */
  photo(mark: CorpusMark, qrPx: number, sigma: number): Promise<Buffer>;
  /** What the verify page's photo decoder reads in a JPEG, or null. */
  decodeWithPage(jpeg: Buffer): Promise<string | null>;
  close(): Promise<void>;
}

export async function openScanLab(): Promise<ScanLab> {
  // The page's decoder loads its WebAssembly from the site, at the path the build writes in; here, the lab's own.
  const reader = createRequire(import.meta.url).resolve('zxing-wasm/reader');
  const wasm = readFileSync(join(dirname(reader), '..', '..', 'reader', 'zxing_reader.wasm'));
  const site: BarePage = await serveBarePage({
    entry: fileURLToPath(new URL('./harness.ts', import.meta.url)),
    body: '<p>scan corpus</p>',
    define: { __QR_DECODER_WASM__: JSON.stringify(WASM_PATH) },
    files: { [WASM_PATH]: { type: 'application/wasm', data: wasm } },
  });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const context = await browser.newContext();
    // A phone without the Shape Detection API: the page falls back to its own decoder.
    await context.addInitScript(() => {
      delete (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector;
    });
    const page: Page = await context.newPage();
    await page.goto(site.url);
    await page.waitForFunction(() => 'scanCorpus' in window);
    const call = <K extends keyof Harness>(name: K, ...args: Parameters<Harness[K]>) =>
      page.evaluate(
        ([n, a]) =>
          (window as unknown as { scanCorpus: Record<string, (...x: unknown[]) => unknown> }).scanCorpus[n]!(...a),
        [name, args] as const,
      ) as ReturnType<Harness[K]>;
    const open = browser;
    return {
      async photo(mark, qrPx, sigma) {
        const width = Math.round((qrPx * mark.width) / mark.qrSide);
        const height = Math.round((width * mark.height) / mark.width);
        const dataUrl = await call('photo', mark.svg, width, height, sigma);
        return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
      },
      decodeWithPage: (jpeg) => call('decodeWithPage', `data:image/jpeg;base64,${jpeg.toString('base64')}`),
      async close() {
        await open.close().catch(() => undefined);
        site.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    site.close();
    throw error;
  }
}
