/**
 * The procurement page's bulk check by name in Debian's Chromium against the real system: a CSV saved by Excel in
 * GBK, an XLSX workbook and a pasted list of names, each read and checked into one table whose "#" is the input row
 * and whose check time is Beijing time, in the table and the download; on a 390 px phone the table stacks into cards
 * with no sideways scroll; the home page links to it. Screenshots land in test-artifacts/procurement-names-*.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededOrganization, seedSearchCorpus } from '../../bench/search';
import { encodeGbk } from '../support/gbk';
import { overflow, screenshot, usePageRig } from '../support/page-driver';

const rig = usePageRig({ now: '2026-11-23T17:30:00Z' });
let corpus: SeededOrganization[];

beforeAll(async () => {
  corpus = await seedSearchCorpus(rig.sys.deps.store, 30);
});

afterAll(() => {
  for (const p of rig.problems) expect(p).toEqual({ errors: [], dialogs: [], foreignRequests: [] });
});

async function open(viewport: 'desktop' | 'phone' = 'desktop', path = '/procurement.html'): Promise<Page> {
  return (await rig.open(path, { viewport, contextOptions: { acceptDownloads: true } })).page;
}

/** Each result row as [#, verdict, match, organization]. */
const resultRows = (page: Page) =>
  page.$$eval('#bulk-results tbody tr', (trs) =>
    trs.map((tr) => {
      const cell = (key: string) => tr.querySelector(`td[data-key="${key}"]`)?.textContent ?? '';
      return [cell('row'), tr.getAttribute('data-verdict'), cell('match'), cell('organization')];
    }),
  );

const wrongCheck = (code: string) => `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;

describe('the bulk check by name', () => {
  it('reads a GBK CSV from Excel without mojibake, on screen and in the download, with Beijing times', async () => {
    const [a, b] = [corpus[2]!, corpus[7]!];
    const csv = [
      '投标人名称,联系人',
      `${a.name},张三`,
      ',',
      `${b.creditCode},李四`,
      `${wrongCheck(a.creditCode)},王五`,
    ].join('\r\n');
    const page = await open();
    await page.setInputFiles('#bulk-file', { name: '投标人.csv', mimeType: 'text/csv', buffer: encodeGbk(csv) });
    await page.waitForSelector('#bulk-results tbody tr');
    expect(await resultRows(page)).toEqual([
      ['2', 'VALID', '名称完全一致', a.name],
      ['4', 'SUSPENDED', '信用代码一致', b.name],
      ['5', 'CREDIT_CODE_INVALID', '', ''],
    ]);
    expect(await page.inputValue('#bulk-input')).toContain(a.name);
    expect(await page.textContent('#bulk-results tbody tr[data-row="5"]')).toContain('校验位不符');
    // 17:30 UTC is already the next day in Beijing: table, summary and download all say 2026-11-24.
    const at = '2026-11-24 01:30:00（北京时间）';
    expect(await page.textContent('#bulk-results tbody tr td[data-key="checkedAt"]')).toBe(at);
    expect(await page.textContent('.bulk-status')).toContain(at);
    await screenshot(page, 'procurement-names-gbk');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#bulk-download')]);
    expect(download.suggestedFilename()).toBe('starmark-check-20261124T013000.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain(a.name);
    expect(text).toContain('李四');
    expect(text).toContain(at);
  });

  it('reads the first sheet of an XLSX workbook by its rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('投标人');
    sheet.getCell('A1').value = '序号';
    sheet.getCell('B1').value = '投标人';
    sheet.getCell('C1').value = '证书编号';
    sheet.addRow([1, corpus[3]!.name, corpus[3]!.number]);
    sheet.getCell('B4').value = corpus[5]!.middle;
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const page = await open();
    await page.setInputFiles('#bulk-file', {
      name: 'bidders.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.waitForSelector('#bulk-results tbody tr');
    const rows = await resultRows(page);
    expect(rows[0]).toEqual(['2', 'VALID', '证书编号', corpus[3]!.name]);
    expect(rows.slice(1).every((r) => r[0] === '4' && r[2] === '名称部分一致')).toBe(true);
    expect(rows.some((r) => r[3] === corpus[5]!.name)).toBe(true);
  });

  it('stacks the table into cards on a 390 px phone, nothing wider than the screen', async () => {
    const page = await rig.open('/procurement.html', { contextOptions: { viewport: { width: 390, height: 844 } } });
    const phone = page.page;
    await phone.fill('#bulk-input', [corpus[1]!.name, corpus[6]!.number, '不存在的某某公司'].join('\n'));
    await phone.click('#bulk-check');
    await phone.waitForSelector('#bulk-results tbody tr');
    expect(await overflow(phone)).toBe(0);
    const first = phone.locator('#bulk-results tbody tr').first();
    const box = (await first.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // Each line of a card names its column.
    const label = await phone.$eval(
      '#bulk-results td[data-key="organization"]',
      (td) => getComputedStyle(td, '::before').content,
    );
    expect(label).toBe('"组织名称"');
    // The header row is left to screen readers: the cards name their columns themselves.
    expect((await phone.locator('#bulk-results thead').boundingBox())!.height).toBeLessThanOrEqual(1);
    await screenshot(phone, 'procurement-names-phone', { fullPage: true });
  });

  it('is linked from the home page', async () => {
    const home = await open('phone', '/');
    await home.click('#procurement-link');
    await home.waitForSelector('#bulk-input');
    expect(new URL(home.url()).pathname).toBe('/procurement.html');
  });
});
