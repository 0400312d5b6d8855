/**
 * Errors in the reader's language, on the field: a form sent empty or wrong marks each field with the shared
 * catalogue's sentence in Chinese and English (the console) or in the page's language (the procurement page), keeps
 * what was typed, and never shows zod's developer wording. At a desk (1280 px) and on a phone (390 px); screenshots
 * in test-artifacts/field-problems-*.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_WIDTHS, openAction, overflow, screenshot, usePageRig } from '../support/page-driver';
import { issuedCertificate } from '../support/walk';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });
let certificateNumber = '';

beforeAll(async () => {
  certificateNumber = (await issuedCertificate(rig.sys.api, 91)).number;
}, 120_000);

afterAll(() => {
  for (const p of rig.problems) expect(p.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
});

const WIDTHS = CONSOLE_WIDTHS;

const ZOD_WORDING = /expected|received|Too small|Too big|Invalid input|body\.|>=/;

/** The sentence shown beside a field, found from the control it describes. */
const problemOf = (page: Page, control: string) =>
  page.locator(control).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-problem'));
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });

describe.each(WIDTHS)('field problems at the %s', (name, contextOptions) => {
  it('marks every field of an application sent empty, in Chinese and English, and keeps what was typed', async () => {
    const page = await rig.signedIn('applicant-acme', { contextOptions });
    await page.goto(`${rig.sys.url}/console#/new`);
    await page.waitForSelector('input[name=name]');
    await page.click('form button[type=submit]');
    await page.waitForSelector('.form-message .problem');
    for (const control of ['input[name=name]', 'input[name=creditCode]', 'textarea[name=scope]']) {
      expect(await problemOf(page, control), control).toBe('此项必填 This field is required');
      expect(await page.locator(control).getAttribute('aria-invalid')).toBe('true');
    }
    expect(await problemOf(page, 'input[name=operatingSince]')).toBe('此项必填 This field is required');
    expect(await page.locator('.form-message .problem-title').innerText()).toContain('请按标出的提示修改后再提交');
    expect(await page.locator('.view').innerText()).not.toMatch(ZOD_WORDING);
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `field-problems-application-empty-${name}`, { fullPage: true });

    // Corrected in part: the marks follow the new answer, the values stay as typed.
    await page.fill('input[name=name]', '甲');
    await page.fill('textarea[name=scope]', '家用电器维修');
    await page.click('form button[type=submit]');
    await expect.poll(() => problemOf(page, 'input[name=name]')).toBe('至少需要 2 个字符 Enter at least 2 characters');
    expect(await problemOf(page, 'textarea[name=scope]')).toBe('');
    expect(await page.locator('textarea[name=scope]').getAttribute('aria-invalid')).toBeNull();
    expect(await page.inputValue('input[name=name]')).toBe('甲');
    expect(await page.inputValue('textarea[name=scope]')).toBe('家用电器维修');
    expect(await page.locator('.view').innerText()).not.toMatch(ZOD_WORDING);
    await screenshot(page, `field-problems-application-corrected-${name}`, { fullPage: true });
  });

  it('marks a suspension asked without a reason on its reason field', async () => {
    const page = await rig.signedIn('admin-qian', { contextOptions });
    await page.goto(`${rig.sys.url}/console#/certificate/${certificateNumber}`);
    const form = await openAction(page, 'suspend');
    await form.locator('button[type=submit]').click();
    await form.locator('.problem').waitFor();
    expect(await problemOf(page, 'details[data-transition="suspend"] textarea[name=reason]')).toBe(
      '此项必填 This field is required',
    );
    expect(await form.innerText()).not.toMatch(ZOD_WORDING);
    await screenshot(page, `field-problems-suspend-${name}`, { fullPage: true });
  });

  it('puts the procurement search refusal beside the query, in the page language', async () => {
    const { page } = await rig.open('/procurement.html', { contextOptions });
    await page.fill('#search-q', '--');
    await page.press('#search-q', 'Enter');
    await expect.poll(() => page.locator('#search-error').innerText()).toBe('请至少输入 2 个字母或数字');
    expect(await page.locator('#search-q').getAttribute('aria-invalid')).toBe('true');
    expect(await page.inputValue('#search-q')).toBe('--');
    await screenshot(page, `field-problems-procurement-${name}`);
  });
});
