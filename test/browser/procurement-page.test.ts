/**
 * The procurement page in Debian's Chromium against the real system: search, a pasted and an uploaded list checked
 * into one table, the CSV download as Excel will read it, and a receipt at its permalink — checked in the browser,
 * refused when edited, printable to PDF. Screenshots and the PDF land in test-artifacts/procurement-*.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64url } from 'jose';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededOrganization, seedSearchCorpus } from '../../bench/search';
import { ARTIFACTS_DIR, screenshot, usePageRig } from '../support/page-driver';
import { issuedCertificate } from '../support/walk';

const HOSTILE = '<img src=x onerror=alert(1)>售后服务有限公司';
const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });
const sys = rig.sys;
let corpus: SeededOrganization[];
let hostile: any;

beforeAll(async () => {
  corpus = await seedSearchCorpus(sys.deps.store, 30);
  hostile = await issuedCertificate(sys.api, 93, { organization: { name: HOSTILE } });
});

afterAll(() => {
  for (const p of rig.problems) expect(p).toEqual({ errors: [], dialogs: [], foreignRequests: [] });
});

/** The page at an officer's desk, where a checked list is downloaded. */
async function open(path = '/procurement.html'): Promise<Page> {
  return (await rig.open(path, { viewport: 'desktop', contextOptions: { acceptDownloads: true } })).page;
}

const suspended = () => corpus.find((o) => o.status === 'suspended')!;
const validOnes = () => corpus.filter((o) => o.status === 'valid');

describe('the procurement page', () => {
  it('checks a pasted list into one table and downloads it as a defused, Excel-ready CSV', async () => {
    const page = await open();
    const list = [
      validOnes()[0]!.number,
      suspended().number.toLowerCase(),
      'SM-SV-2026-999999',
      'not-a-number',
      hostile.number,
    ].join('\n');
    await page.fill('#bulk-input', list);
    await page.click('#bulk-check');
    await page.waitForSelector('#bulk-results tbody tr');
    const verdicts = await page.$$eval('#bulk-results tbody tr', (rows) =>
      rows.map((r) => r.getAttribute('data-verdict')),
    );
    // A line that is no identifier is searched as a name: nothing matches it.
    expect(verdicts).toEqual(['VALID', 'SUSPENDED', 'UNKNOWN_NUMBER', 'NO_MATCH', 'VALID']);
    expect(await page.textContent('#bulk-results')).toContain(HOSTILE);
    expect(await page.$('#bulk-results img')).toBeNull();
    await screenshot(page, 'procurement-bulk');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#bulk-download')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toContain('证书编号');
    expect(lines[2]).toContain(suspended().number);
    expect(lines[5]).toContain(HOSTILE);
  });

  it('checks an uploaded CSV of bidders by credit code and number', async () => {
    const page = await open();
    const csv = `\uFEFF投标人,证书编号\r\n甲公司,${validOnes()[1]!.number}\r\n乙公司,${suspended().creditCode}\r\n`;
    await page.setInputFiles('#bulk-file', { name: 'bidders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForSelector('#bulk-results tbody tr');
    const rows = await page.$$eval('#bulk-results tbody tr', (trs) =>
      trs.map((r) => [r.getAttribute('data-verdict'), r.children[2]?.textContent]),
    );
    expect(rows).toEqual([
      ['VALID', '甲公司'],
      ['SUSPENDED', '乙公司'],
    ]);
  });

  it('searches by a middle part of a name, and in English', async () => {
    const page = await open();
    const target = validOnes()[2]!;
    await page.fill('#search-q', target.middle);
    await page.press('#search-q', 'Enter');
    await page.waitForSelector(`#search-hits li[data-number="${target.number}"]`);
    await page.click('#lang-switch');
    expect(await page.textContent('h2#bulk-title')).toBe('Check a list of bidders');
  });

  it('makes a receipt that re-checks in the browser, prints to PDF, and is refused once edited', async () => {
    const page = await open();
    const target = suspended();
    await page.fill('#bulk-input', target.number);
    await page.click('#bulk-check');
    await page.click(`button[data-receipt-for="${target.number}"]`);
    const link = await page.waitForSelector(`a[data-receipt-link="${target.number}"]`);
    const shortLink = (await link.getAttribute('href'))!;
    expect(shortLink).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
    const jws = await (await fetch(shortLink.replace('/r/', '/receipts/'))).text();
    const permalink = `/procurement.html#receipt=${jws}`;

    const receipt = await open(shortLink.replace(sys.url, ''));
    await receipt.waitForSelector('#receipt-state[data-code="VALID"]');
    expect(await receipt.textContent('#receipt-verdict')).toBe('暂停');
    expect(await receipt.textContent('.receipt-fields')).toContain(target.name);
    await screenshot(receipt, 'procurement-receipt');
    await receipt.emulateMedia({ media: 'print' });
    expect(await receipt.isVisible('.print-only .jws')).toBe(true);
    expect(await receipt.isVisible('button')).toBe(false);
    await screenshot(receipt, 'procurement-receipt-print');
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const pdf = await receipt.pdf({ path: join(ARTIFACTS_DIR, 'procurement-receipt.pdf'), format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const [header, payload, signature] = permalink.split('#receipt=')[1]!.split('.') as [string, string, string];
    const edited = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
    edited.verdict = 'VALID';
    edited.status = 'valid';
    const forged = `${header}.${base64url.encode(JSON.stringify(edited))}.${signature}`;
    const refused = await open(`/procurement.html#receipt=${forged}`);
    await refused.waitForSelector('#receipt-state[data-code="BAD_SIGNATURE"]');
    expect(await refused.$('#receipt-verdict')).toBeNull();
  });
});
