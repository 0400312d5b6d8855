/**
 * An administrator reports to the national platform from the console, in Chromium: the queue shows each event with
 * its deadline and flags the overdue, a batch is opened, its CSV and XLSX are saved (the workbook read back with
 * exceljs), and once marked reported the queue is empty.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NATIONAL_REPORT_COLUMNS } from '../../shared/national-report';
import { screenshot, settled, usePageRig } from '../support/page-driver';
import { issuedCertificate } from '../support/walk';

const rig = usePageRig({ now: '2026-11-02T02:00:00Z' });

async function saved(page: Page, file: string) {
  const download = page.waitForEvent('download');
  await page.click(`button[data-download="${file}"]`);
  const done = await download;
  return { name: done.suggestedFilename(), bytes: readFileSync((await done.path()) as string) };
}

describe('the national-platform reporting page', () => {
  it('lists what is due, opens a batch, saves its CSV and XLSX and marks it reported', async () => {
    const certificate = await issuedCertificate(rig.sys.api, 92);
    rig.sys.setNow('2026-11-05T02:00:00Z');
    const suspended = await rig.sys.api.post(
      `/v1/staff/certificates/${certificate.number}/suspend`,
      { reason: '监督抽查不合格' },
      'admin-qian',
    );
    expect(suspended.status).toBe(200);
    rig.sys.setNow('2026-11-09T02:00:00Z');

    const page = await rig.signedIn('admin-qian', { viewport: 'desktop' });
    await page.goto(`${rig.sys.url}/console#/reports`);
    await page.waitForSelector('table.report-items');
    const rows = page.locator('table.report-items tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await page.locator('tr[data-kind="issuance"]').innerText()).toContain('已逾期');
    expect(await page.locator('tr[data-kind="suspension"]').innerText()).toContain('暂停');
    expect(await page.locator('tr[data-kind="suspension"]').innerText()).not.toContain('已逾期');
    await screenshot(page, 'console-national-report-due', { fullPage: true });

    await page.click('button[data-action="open-batch"]');
    await page.waitForSelector('section[data-open-batch]');
    await settled(page);
    const batchId = await page.getAttribute('section[data-open-batch]', 'data-open-batch');
    expect(batchId).toMatch(/^NR-20261109-\d{4}$/);

    const csv = await saved(page, 'csv');
    expect(csv.name).toBe(`${batchId}.csv`);
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(NATIONAL_REPORT_COLUMNS.map((c) => c.key).join(','));
    expect(lines.slice(1).every((l) => l.includes(certificate.number))).toBe(true);

    const xlsx = await saved(page, 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(3);
    expect(book.worksheets[0]!.getRow(1).getCell(1).value).toBe(NATIONAL_REPORT_COLUMNS[0]!.title.zh);
    await screenshot(page, 'console-national-report-batch', { fullPage: true });

    await page.fill('input[name="platformReference"]', 'PT-2026-0042');
    await page.click('form[data-form="mark-reported"] button[type="submit"]');
    await page.waitForSelector('p[data-empty]');
    expect(await page.locator(`li[data-batch="${batchId}"]`).innerText()).toContain('已报送');
    await screenshot(page, 'console-national-report-reported', { fullPage: true });

    const view = (await rig.sys.api.get(`/v1/staff/national-reports/batches/${batchId}`, 'admin-qian')).body;
    expect(view.batch.platformReference).toBe('PT-2026-0042');
    expect(view.events.map((e: any) => e.action)).toEqual([
      'report-batch-opened',
      'report-batch-exported',
      'report-batch-exported',
      'report-batch-reported',
    ]);
  });
});
