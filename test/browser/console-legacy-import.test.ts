/**
 * An administrator imports certificates from another registry in the console, in Chromium at the desk and on a
 * phone: a CSV with one bad row is checked, the report names the refused row, its column and the reason in Chinese
 * and English, and, fixing nothing, the administrator confirms: the accepted rows are imported and one opens as a
 * certificate. An evaluator is not offered the page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { legacyCsv, legacyRow } from '../support/legacy-file';
import { CONSOLE_WIDTHS, overflow, screenshot, settled, usePageRig } from '../support/page-driver';

const rig = usePageRig({ now: '2026-11-02T02:00:00Z' });

afterAll(() => {
  for (const p of rig.problems) expect(p.errors).toEqual([]);
});

/** Two good rows around one whose credit code fails its check character (row 3), saved as a file to choose. */
function fileWithOneBadRow() {
  const rows = [legacyRow(), legacyRow({ credit_code: '91310000MA1FL0000X' }), legacyRow()];
  const path = join(mkdtempSync(join(tmpdir(), 'import-')), 'certificates.csv');
  writeFileSync(path, legacyCsv(rows));
  return { rows, path };
}

describe.each(CONSOLE_WIDTHS)('the import page at the %s', (width, contextOptions) => {
  it('shows the refused row in zh and en, and imports the accepted rows on confirmation', async () => {
    const { rows, path } = fileWithOneBadRow();
    const page = await rig.signedIn('admin-qian', { contextOptions });
    await page.click('a[href="#/import"]');
    await page.waitForSelector('form[data-form="legacy-import"]');
    await page.setInputFiles('input[name="file"]', path);
    await page.click('form[data-form="legacy-import"] button[type="submit"]');
    await page.waitForSelector('section[data-import-report="dry-run"]');

    const refused = page.locator('li[data-problem-row]');
    expect(await refused.count()).toBe(1);
    expect(await refused.getAttribute('data-problem-row')).toBe('3');
    expect(await refused.getAttribute('data-column')).toBe('credit_code');
    const text = await refused.innerText();
    expect(text).toContain('第 3 行');
    expect(text).toContain('Row 3');
    expect(text).toContain('统一社会信用代码');
    expect(await refused.locator('.row-reason [lang="zh-CN"]').innerText()).toMatch(/[\u4e00-\u9fff]/u);
    expect(await refused.locator('.row-reason [lang="en"]').innerText()).toMatch(/[a-z]{3}/);
    expect(await page.locator('[data-summary]').innerText()).toContain('可导入 2 行');
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `console-legacy-import-dry-run-${width}`, { fullPage: true });
    // The dry run wrote nothing.
    const first = rows[0]!.certificate_number!;
    expect((await rig.sys.api.get(`/v1/staff/certificates/${first}`, 'admin-qian')).status).toBe(404);

    await page.click('button[data-action="confirm-import"]');
    await page.waitForSelector('section[data-import-report="imported"]');
    await settled(page);
    expect(await page.locator('[data-summary]').innerText()).toContain('本次导入 2 行');
    expect(await page.locator('section[data-import-report="imported"] li[data-problem-row="3"]').count()).toBe(1);
    await screenshot(page, `console-legacy-import-done-${width}`, { fullPage: true });

    await page.click(`a[href="#/certificate/${encodeURIComponent(first)}"]`);
    await page.waitForSelector(`h1:has-text("${first}")`);
    expect(await page.locator('main').innerText()).toContain(rows[0]!.holder_name!);
    // An imported certificate has no case here: it says where it came from instead of linking to nothing.
    expect(await page.locator('[data-imported]').innerText()).toContain('自原登记系统导入');
    expect(await page.locator('main a[href^="#/case/"]').count()).toBe(0);
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `console-legacy-import-certificate-${width}`, { fullPage: true });
    expect((await rig.sys.api.get(`/v1/staff/certificates/${rows[1]!.certificate_number}`, 'admin-qian')).status).toBe(
      404,
    );
  });
});

describe('the import page for someone else', () => {
  it('is not offered to an evaluator, and says it is the administrator’s when opened', async () => {
    const page = await rig.signedIn('evaluator-li', { viewport: 'desktop' });
    expect(await page.locator('a[href="#/import"]').count()).toBe(0);
    await page.goto(`${rig.sys.url}/console#/import`);
    await page.waitForSelector('[data-view="import"] h1');
    expect(await page.locator('form[data-form="legacy-import"]').count()).toBe(0);
    expect(await page.locator('[data-view="import"]').innerText()).toContain('只有管理员');
  });
});
