/**
 * The holder takes its certificate and its print-ready mark from the console's certificate page, in Chromium: the
 * A4 PDF (its text read back with poppler) and the mark as SVG, PDF and PNG at 300 and 600 dpi.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { MIN_MARK_WIDTH_MM } from '../../shared/print-mark';
import { screenshot, settled, usePageRig } from '../support/page-driver';
import { pdfText } from '../support/pdf-tools';
import { issuedCertificate } from '../support/walk';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });

async function saved(page: Page, file: string) {
  const download = page.waitForEvent('download');
  await page.click(`button[data-download="${file}"]`);
  const done = await download;
  return { name: done.suggestedFilename(), bytes: readFileSync((await done.path()) as string) };
}

describe('the certificate page offers the documents', () => {
  it('downloads the PDF certificate and the print-ready mark in every format, with the minimum size stated', async () => {
    const { number } = await issuedCertificate(rig.sys.api, 92);
    const page = await rig.signedIn('applicant-acme');
    await page.goto(`${rig.sys.url}/console#/certificate/${number}`);
    await page.waitForSelector('#downloads-title');
    await settled(page);
    expect(await page.locator('section[aria-labelledby="downloads-title"]').innerText()).toContain(
      `${MIN_MARK_WIDTH_MM}`,
    );
    await screenshot(page, 'console-certificate-files', { fullPage: true });

    const pdf = await saved(page, 'certificate.pdf');
    expect(pdf.name).toBe(`${number}-certificate.pdf`);
    expect(pdfText(pdf.bytes)).toContain(number);

    const svg = await saved(page, 'print-mark.svg');
    expect(svg.bytes.toString('utf8')).toContain('width="60mm"');
    expect((await saved(page, 'print-mark.pdf')).bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const png600 = await saved(page, 'print-mark.png?dpi=600');
    expect(png600.name).toBe(`${number}-print-mark-600dpi.png`);
    expect(PNG.sync.read(png600.bytes).width).toBe(1417);
    expect(PNG.sync.read((await saved(page, 'print-mark.png?dpi=300')).bytes).width).toBe(709);
  });
});
