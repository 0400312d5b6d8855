/**
 * "Report this mark" in Debian's Chromium at phone width, against the real system: every verdict that says a mark
 * proves nothing (a forgery, a number nobody holds) or no longer does (suspended, withdrawn, expired, its key revoked)
 * offers the report; the page solves the proof of work itself and the report is stored with the verdict it came from.
 * A valid mark offers none. A certificate's permalink takes a complaint about its holder, routed to that certificate.
 * Screenshots land in test-artifacts/verify-report-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { screenshot, usePageRig } from '../support/page-driver';
import { DEFAULT_ACTORS, issuedCertificate } from '../support/walk';

const NOW = '2026-11-23T02:00:00Z';
const ADMIN = DEFAULT_ACTORS.admin;
const rig = usePageRig({ now: NOW });
const sys = rig.sys;

async function ok(call: Promise<{ status: number; body: any }>) {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

const matterOf = async (id: string) => sys.deps.store.getItem(keys.matter(id).pk, keys.matter(id).sk);

async function verdictOf(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const v = document.querySelector('#verdict [data-verdict]')?.getAttribute('data-verdict');
    return Boolean(v) && v !== 'checking';
  });
  return (await page.locator('#verdict [data-verdict]').getAttribute('data-verdict')) ?? '';
}

/** Opens the offer, says where the mark was seen, sends it, and returns the reference the page shows. */
async function report(page: Page, seen: { city: string; place?: string; link?: string }, name: string) {
  await page.click('[data-filing-open="counterfeit-report"]');
  const form = page.locator('form[data-filing-form="counterfeit-report"]');
  await form.waitFor();
  if (seen.link) {
    await form.locator('#filing-seen-online').check();
    await form.locator('#filing-link').fill(seen.link);
  }
  if (seen.place) await form.locator('#filing-place').fill(seen.place);
  await form.locator('#filing-city').fill(seen.city);
  expect(await form.locator('.filing-privacy').textContent()).toMatch(/3 (年|years)/);
  await screenshot(page, `verify-report-${name}-form`, { fullPage: true });
  await form.locator('button[type="submit"]').click();
  const sent = page.locator('[data-filing="sent"]');
  await sent.waitFor({ timeout: 30_000 });
  await screenshot(page, `verify-report-${name}-sent`, { fullPage: true });
  const id = /[0-9A-HJKMNP-TV-Z]{26}/.exec((await sent.textContent()) ?? '')?.[0];
  expect(id).toBeDefined();
  return id as string;
}

describe('a verdict that a mark proves nothing offers "report this mark"', () => {
  it('a forgery: reported from a shop, with the verdict and the token it came from', async () => {
    const forged = 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImZha2UifQ.U00tU1YtMjAyNi0wMDAwNDJ8NHwyMDI5MTEyMnwx.c2ln';
    const { page } = await rig.open(`/v#${forged}`);
    expect(await verdictOf(page)).toBe('counterfeit');
    const id = await report(page, { city: '福州', place: '<script>alert(1)</script>维修店' }, 'counterfeit-zh');
    const stored = await matterOf(id);
    expect(stored).toMatchObject({
      kind: 'counterfeit-report',
      token: forged,
      seenAt: { kind: 'shop', city: '福州', place: '<script>alert(1)</script>维修店' },
    });
    expect(['BAD_SIGNATURE', 'UNKNOWN_KEY']).toContain(stored?.verdict);
    expect(stored?.contact).toBeUndefined();
  });

  it.each([
    [
      'suspended',
      'SUSPENDED',
      (n: string) =>
        sys.api.post(`/v1/staff/certificates/${n}/suspend`, { reason: '监督审核发现服务承诺未兑现' }, ADMIN),
    ],
    [
      'withdrawn',
      'WITHDRAWN',
      (n: string) => sys.api.post(`/v1/staff/certificates/${n}/withdraw`, { reason: '严重违反认证要求' }, ADMIN),
    ],
  ] as const)('%s: reported in English from an online store, naming the certificate', async (kind, code, act) => {
    const certificate = await issuedCertificate(sys.api);
    await ok(act(certificate.number));
    const { page } = await rig.open(`/v?lang=en#${certificate.token}`);
    expect(await verdictOf(page)).toBe(kind);
    expect(await page.locator('[data-filing-open]').textContent()).toBe('Report this mark');
    const id = await report(page, { city: 'Xiamen', link: 'https://shop.example/item/88' }, `${kind}-en`);
    expect(await matterOf(id)).toMatchObject({
      verdict: code,
      certificateNumber: certificate.number,
      seenAt: { kind: 'online', link: 'https://shop.example/item/88', city: 'Xiamen' },
    });
  });

  it('expired: past its validity by server time', async () => {
    const certificate = await issuedCertificate(sys.api);
    sys.setNow('2029-12-01T02:00:00Z');
    try {
      const { page } = await rig.open(`/v#${certificate.token}`);
      expect(await verdictOf(page)).toBe('expired');
      const id = await report(page, { city: '泉州' }, 'expired-zh');
      expect(await matterOf(id)).toMatchObject({ verdict: 'EXPIRED', certificateNumber: certificate.number });
    } finally {
      sys.setNow(NOW);
    }
  });

  it('a number nobody holds, looked up on its permalink', async () => {
    const { page } = await rig.open('/c/SM-SV-2026-909090');
    await page.locator('[data-filing-open="counterfeit-report"]').waitFor();
    const id = await report(page, { city: '漳州' }, 'unknown-number-zh');
    expect(await matterOf(id)).toMatchObject({ verdict: 'UNKNOWN_NUMBER', reportedNumber: 'SM-SV-2026-909090' });
  });

  it('a revoked key: the mark can no longer prove itself, and is reported naming the number it claims', async () => {
    const certificate = await issuedCertificate(sys.api);
    const idem = (what: string) => ({ 'idempotency-key': `${what}-${certificate.number}` });
    await ok(sys.api.post('/v1/staff/signing-keys/rotate', {}, ADMIN, idem('rotate')));
    await ok(
      sys.api.post(
        `/v1/staff/signing-keys/${certificate.tokenKid}/revoke`,
        { reason: '密钥泄露' },
        ADMIN,
        idem('revoke'),
      ),
    );
    const { page } = await rig.open(`/v#${certificate.token}`);
    expect(await verdictOf(page)).toBe('key-withdrawn');
    const id = await report(page, { city: '莆田', place: '家电城二楼' }, 'key-withdrawn-zh');
    expect(await matterOf(id)).toMatchObject({
      kind: 'counterfeit-report',
      verdict: 'REVOKED_KEY',
      token: certificate.token,
      seenAt: { kind: 'shop', city: '莆田', place: '家电城二楼' },
    });
  });

  it('a valid mark offers no report', async () => {
    const certificate = await issuedCertificate(sys.api);
    const { page } = await rig.open(`/v#${certificate.token}`);
    expect(await verdictOf(page)).toBe('valid');
    expect(await page.locator('[data-filing-open="counterfeit-report"]').count()).toBe(0);
  });
});

describe("a certificate's permalink takes a complaint about its holder", () => {
  it('is filed with what happened and a contact, and names the certificate', async () => {
    const certificate = await issuedCertificate(sys.api);
    const { page } = await rig.open(`/c/${certificate.number}`);
    await page.click('[data-filing-open="organization-complaint"]');
    const form = page.locator('form[data-filing-form="organization-complaint"]');
    await form.locator('#filing-description').fill('报修后两周无人上门，400 电话无人接听');
    await form.locator('#filing-contact').fill('13800000000');
    await form.locator('button[type="submit"]').click();
    const sent = page.locator('[data-filing="sent"]');
    await sent.waitFor({ timeout: 30_000 });
    await screenshot(page, 'verify-report-complaint-zh', { fullPage: true });
    const id = /[0-9A-HJKMNP-TV-Z]{26}/.exec((await sent.textContent()) ?? '')?.[0] as string;
    expect(await matterOf(id)).toMatchObject({
      kind: 'organization-complaint',
      certificateNumber: certificate.number,
      contact: '13800000000',
    });
  });
});
