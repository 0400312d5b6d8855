/**
 * The public verification page in Debian's Chromium, against the real system (DynamoDB Local, the real handlers, the
 * built web/dist). Each verdict comes from a real token: a star-mark PNG made by the project, decoded by an
 * independent QR decoder (jsQR in Node), opened as a phone would open it, at 360×740, in Chinese and in English.
 * Screenshots land in test-artifacts/verify-*.png.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactSign, generateKeyPair } from 'jose';
import jsQR from 'jsqr';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from '../../functions/signing/artwork/qr';
import { sheetWithTotal } from '../../shared/scheme';
import {
  launchBrowser,
  overflow,
  PHONE,
  screenshot,
  takeOffline,
  usePageRig,
  type WatchedPage,
  watchPage,
} from '../support/page-driver';
import { DEFAULT_ACTORS, issuedCertificate } from '../support/walk';
import { assetManifest } from '../support/web-build';

const NOW = '2026-11-23T02:00:00Z';
const ADMIN = DEFAULT_ACTORS.admin;

const rig = usePageRig({ now: NOW });
const sys = rig.sys;

// ---------------------------------------------------------------------------------------------------------------
// Helpers

async function ok<T = any>(call: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** A case walked to an issued certificate, with an organization name of our choosing. */
const issuedNamed = (name: string, total = 92): Promise<any> =>
  issuedCertificate(sys.api, total, { organization: { name } });

const issued = (total = 92): Promise<any> => issuedCertificate(sys.api, total);

/** The print artwork of a certificate's star mark, as staff download it. */
async function starMarkPng(number: string): Promise<Buffer> {
  const res = await fetch(`${sys.url}/v1/staff/certificates/${number}/star-mark.png`, {
    headers: { authorization: `Bearer ${await sys.tokenOf(ADMIN)}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('image/png');
  return Buffer.from(await res.arrayBuffer());
}

/** Decodes the QR code of a PNG with jsQR in Node: a decoder independent of the one that drew it. */
function decodeQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const code = jsQR(
    new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
    image.width,
    image.height,
  );
  if (!code) throw new Error('no QR code in the star-mark PNG');
  return code.data;
}

async function markUrl(certificate: { number: string; token: string }): Promise<string> {
  const url = decodeQr(await starMarkPng(certificate.number));
  expect(url).toBe(`${sys.url}/v#${certificate.token}`);
  return url;
}

function tokenOf(url: string): string {
  return url.slice(url.indexOf('#') + 1);
}

function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

type Opened = WatchedPage;

/** What each page asked for and got, to explain a verdict that never came. */
const trails = new WeakMap<Page, string[]>();

async function openPage(context: BrowserContext, url: string): Promise<Opened> {
  const opened = await rig.open(url, { context });
  trails.set(opened.page, opened.trail);
  return opened;
}

/** The verdict once checking is over. */
async function verdictOf(page: Page): Promise<string> {
  try {
    await page.waitForFunction(
      () => {
        const v = document.querySelector('#verdict [data-verdict]')?.getAttribute('data-verdict');
        return Boolean(v) && v !== 'checking';
      },
      undefined,
      { timeout: 15_000 },
    );
  } catch (error) {
    const shown = await page.evaluate(() => document.querySelector('main')?.textContent ?? '').catch(() => '?');
    throw new Error(`no verdict: ${String(error)}\nshown: ${shown}\n${(trails.get(page) ?? []).join('\n')}`);
  }
  return (await page.locator('#verdict [data-verdict]').getAttribute('data-verdict')) ?? '';
}

async function verdictTitle(page: Page): Promise<string> {
  return (await page.locator('#verdict .verdict-title').textContent()) ?? '';
}

async function switchLanguage(page: Page, to: 'zh' | 'en'): Promise<void> {
  await page.locator('#lang-switch').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(to === 'zh' ? 'zh-CN' : 'en');
}

/**
 * Nothing that must never happen did: no script error, no CSP violation, no dialog, no request to another origin.
 * The one expected 404 is /jwks.json: no key set was baked into this build.
 */
function expectClean(opened: Opened): void {
  expect(opened.problems.dialogs).toEqual([]);
  expect(opened.problems.foreignRequests).toEqual([]);
  expect(opened.notFound.filter((p) => p !== '/jwks.json')).toEqual([]);
  expect(
    opened.problems.errors.filter((e) => !/Failed to load resource: the server responded with a status of 404/.test(e)),
  ).toEqual([]);
}

/** Opens a star-mark URL, checks the verdict in both languages, and saves a screenshot of each. */
async function checkVerdict(
  url: string,
  expected: { kind: string; zh: string; en: string; name: string },
): Promise<Opened> {
  const context = await rig.newContext();
  const opened = await openPage(context, url);
  const { page } = opened;
  expect(await verdictOf(page)).toBe(expected.kind);
  expect(await verdictTitle(page)).toBe(expected.zh);
  expect(await page.locator('#verdict[role="status"][aria-live="polite"]').textContent()).toContain(expected.zh);
  await screenshot(page, `verify-${expected.name}-zh`);
  await switchLanguage(page, 'en');
  expect(await verdictTitle(page)).toBe(expected.en);
  await screenshot(page, `verify-${expected.name}-en`);
  expectClean(opened);
  await context.close();
  return opened;
}

// ---------------------------------------------------------------------------------------------------------------

describe('the verdict of a scanned star mark', () => {
  it('valid: genuine and valid, five stars, the organization named, in Chinese then English (choice kept)', async () => {
    const certificate = await issuedNamed('华东家电售后服务有限公司', 96);
    const url = await markUrl(certificate);
    const context = await rig.newContext();
    const opened = await openPage(context, url);
    const { page } = opened;
    expect(await verdictOf(page)).toBe('valid');
    expect(await verdictTitle(page)).toBe('真品 · 证书有效');
    expect(await page.locator('#verdict').getAttribute('role')).toBe('status');
    expect(await page.locator('.verdict-details .level .star').count()).toBe(5);
    expect(await page.locator('.verdict-details .level-name').textContent()).toBe('五星级');
    await expect.poll(() => page.locator('.verdict-details').textContent()).toContain('华东家电售后服务有限公司');
    expect(await page.locator('.verdict-details').textContent()).toContain(certificate.number);
    expect(await page.locator('.tone-good.verdict').count()).toBe(1);
    await screenshot(page, 'verify-valid-zh');
    await screenshot(page, 'verify-valid-zh-full', { fullPage: true });

    await switchLanguage(page, 'en');
    expect(await verdictTitle(page)).toBe('Genuine: certificate valid');
    expect(await page.locator('.verdict-details .level-name').textContent()).toBe('five-star');
    expect(await page.locator('#lang-switch').textContent()).toBe('中文');
    await screenshot(page, 'verify-valid-en');

    await page.reload();
    expect(await verdictOf(page)).toBe('valid');
    expect(await verdictTitle(page)).toBe('Genuine: certificate valid');
    await switchLanguage(page, 'zh');
    expect(await verdictTitle(page)).toBe('真品 · 证书有效');
    expectClean(opened);
    await context.close();
  });

  it('level changed since printing: the live level wins and the change is stated', async () => {
    const certificate = await issued(96);
    const printed = await markUrl(certificate);
    await ok(
      sys.api.post(
        `/v1/staff/certificates/${certificate.number}/record-surveillance`,
        { auditDate: '2026-11-23', scoreSheet: sheetWithTotal(85) },
        DEFAULT_ACTORS.evaluator,
      ),
    );
    // A lower level takes effect once the committee confirms it.
    const lowered = await ok(
      sys.api.post(`/v1/staff/certificates/${certificate.number}/approve-surveillance`, {}, DEFAULT_ACTORS.committee),
    );
    expect(lowered.level).toBe('three');
    const context = await rig.newContext();
    const opened = await openPage(context, printed);
    const { page } = opened;
    expect(await verdictOf(page)).toBe('valid');
    const note = page.locator('.verdict-details .note-warn');
    expect(await note.textContent()).toBe('星级已变更：标志印制时为五星级，现为三星级。以现行星级为准。');
    expect(await page.locator('.verdict-details .level .star').count()).toBe(3);
    await screenshot(page, 'verify-level-changed-zh');
    await switchLanguage(page, 'en');
    expect(await note.textContent()).toBe(
      'The star level has changed: printed as five-star, now three-star. The current level applies.',
    );
    await screenshot(page, 'verify-level-changed-en');
    expectClean(opened);
    await context.close();
  });

  it('suspended: genuine but suspended, amber', async () => {
    const certificate = await issued();
    const url = await markUrl(certificate);
    await ok(
      sys.api.post(
        `/v1/staff/certificates/${certificate.number}/suspend`,
        { reason: '监督审核发现服务承诺未兑现' },
        ADMIN,
      ),
    );
    await checkVerdict(url, {
      kind: 'suspended',
      zh: '真品 · 证书已暂停',
      en: 'Genuine, but suspended',
      name: 'suspended',
    });
  });

  it('withdrawn: its own look (ended), no stars', async () => {
    const certificate = await issued();
    const url = await markUrl(certificate);
    await ok(
      sys.api.post(`/v1/staff/certificates/${certificate.number}/withdraw`, { reason: '严重违反认证要求' }, ADMIN),
    );
    await checkVerdict(url, { kind: 'withdrawn', zh: '证书已撤销', en: 'Certificate withdrawn', name: 'withdrawn' });
  });

  it('cancelled: its own look (ended), no stars', async () => {
    const certificate = await issued();
    const url = await markUrl(certificate);
    await ok(sys.api.post(`/v1/staff/certificates/${certificate.number}/cancel`, { reason: '持证人申请注销' }, ADMIN));
    await checkVerdict(url, { kind: 'cancelled', zh: '证书已注销', en: 'Certificate cancelled', name: 'cancelled' });
  });

  it('tampered: a genuine mark whose payload was edited reads as a suspected counterfeit, with advice', async () => {
    const certificate = await issued(85);
    const url = await markUrl(certificate);
    const [header, payload, signature] = tokenOf(url).split('.') as [string, string, string];
    const claims = Buffer.from(payload, 'base64url').toString('utf8');
    expect(claims).toMatch(/\|3\|/);
    const tampered = `${header}.${b64url(claims.replace('|3|', '|5|'))}.${signature}`;
    const opened = await checkVerdict(`${sys.url}/v#${tampered}`, {
      kind: 'counterfeit',
      zh: '疑似假冒',
      en: 'Suspected counterfeit',
      name: 'counterfeit',
    });
    expect(opened.problems.dialogs).toEqual([]);

    const context = await rig.newContext();
    const again = await openPage(context, `${sys.url}/v#${tampered}`);
    expect(await verdictOf(again.page)).toBe('counterfeit');
    expect(await again.page.locator('.verdict-advice').textContent()).toBe('请勿相信此标志，可向认证机构举报。');
    expect(await again.page.locator('.tone-bad.verdict').count()).toBe(1);
    // A counterfeit shows no stars and no certificate facts that would lend it credibility.
    expect(await again.page.locator('.verdict-details .level').count()).toBe(0);
    expect(await again.page.locator('.verdict-details .facts').count()).toBe(0);
    await context.close();
  });

  it('forged with another key, with our kid but another key, with alg none, or garbage: all counterfeit', async () => {
    const certificate = await issued();
    const token = certificate.token as string;
    const [realHeader, payload] = token.split('.') as [string, string, string];
    const { kid } = JSON.parse(Buffer.from(realHeader, 'base64url').toString('utf8')) as { kid: string };
    const { privateKey } = await generateKeyPair('ES256');
    const sign = (header: object) =>
      new CompactSign(Buffer.from(payload, 'base64url')).setProtectedHeader(header as any).sign(privateKey);
    const forgeries = {
      otherKey: await sign({ alg: 'ES256', kid: 'attacker' }),
      ourKid: await sign({ alg: 'ES256', kid }),
      algNone: `${b64url(JSON.stringify({ alg: 'none', kid }))}.${payload}.`,
      garbage: 'not-a-star-mark',
    };
    const context = await rig.newContext();
    for (const [name, forged] of Object.entries(forgeries)) {
      const opened = await openPage(context, `${sys.url}/v#${forged}`);
      expect(await verdictOf(opened.page), name).toBe('counterfeit');
      expect(await verdictTitle(opened.page)).toBe('疑似假冒');
      expectClean(opened);
      await opened.page.close();
    }
    await context.close();
  });

  it('an organization named <img src=x onerror=alert(1)> is shown as text: no image, no dialog', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const certificate = await issuedNamed(name);
    expect(certificate.organization.name).toBe(name);
    const context = await rig.newContext();
    const opened = await openPage(context, await markUrl(certificate));
    const { page } = opened;
    expect(await verdictOf(page)).toBe('valid');
    await expect.poll(() => page.locator('.verdict-details .fact dd', { hasText: name }).count()).toBe(1);
    expect(await page.locator('main img').count()).toBe(0);
    await screenshot(page, 'verify-xss-name');

    await page.locator('a', { hasText: '查看证书详情' }).click();
    await page.waitForSelector('.certificate');
    expect(await page.locator('#cert-heading').textContent()).toBe(name);
    expect(await page.locator('main img').count()).toBe(0);

    await page.goto(`${sys.url}/?q=${encodeURIComponent('onerror')}`);
    await page.waitForSelector('.hits .hit-org');
    expect(await page.locator('.hits .hit-org').first().textContent()).toBe(name);
    expect(await page.locator('main img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(opened.problems.dialogs).toEqual([]);
    expectClean(opened);
    await context.close();
  });
});

describe('the certificate view and look-up', () => {
  it('the permalink /c/<number> shows the whole public record and its status history', async () => {
    const certificate = await issuedNamed('江南电器连锁股份有限公司');
    await ok(sys.api.post(`/v1/staff/certificates/${certificate.number}/suspend`, { reason: '暂停' }, ADMIN));
    const context = await rig.newContext();
    const opened = await openPage(context, `${sys.url}/c/${certificate.number}`);
    const { page } = opened;
    await page.waitForSelector('.certificate');
    expect(await page.locator('#cert-heading').textContent()).toBe('江南电器连锁股份有限公司');
    const text = (await page.locator('.certificate').textContent()) ?? '';
    for (const expected of [
      certificate.number,
      certificate.organization.creditCode,
      '家用电器的销售与售后服务',
      '90–94.9',
      '暂停',
      '四星级',
      '第 1 周期',
    ])
      expect(text).toContain(expected);
    expect(await page.locator('.timeline-item').count()).toBe(2);
    expect(await page.locator('.timeline-item').first().textContent()).toContain('暂停');
    expect(await page.locator('.permalink-url').getAttribute('href')).toBe(`${sys.url}/c/${certificate.number}`);
    expect(await page.title()).toContain(certificate.number);
    await screenshot(page, 'verify-certificate-zh', { fullPage: true });
    await switchLanguage(page, 'en');
    expect(await page.locator('.timeline-item').first().textContent()).toContain('Suspended');
    await screenshot(page, 'verify-certificate-en', { fullPage: true });
    expectClean(opened);

    await page.goto(`${sys.url}/c/SM-SV-2026-999999`);
    await expect
      .poll(() => page.locator('main [role="status"]').textContent())
      .toBe('No certificate with the number SM-SV-2026-999999');
    await context.close();
  });

  it('looks up by number, by part of the name and by credit code', async () => {
    const certificate = await issuedNamed('岭南家居售后服务有限公司');
    const context = await rig.newContext();
    const opened = await openPage(context, `${sys.url}/`);
    const { page } = opened;
    const search = async (q: string) => {
      await page.locator('#lookup-q').fill(q);
      await page.locator('#lookup-q').press('Enter');
    };

    await search(certificate.number.toLowerCase());
    await page.waitForSelector('.certificate');
    expect(new URL(page.url()).pathname).toBe(`/c/${certificate.number}`);

    await page.goto(`${sys.url}/`);
    await search('岭南家居');
    await page.waitForSelector('.hits .hit');
    expect(await page.locator('.hits .hit').count()).toBe(1);
    expect(await page.locator('.hits .hit-org').textContent()).toBe('岭南家居售后服务有限公司');
    await screenshot(page, 'verify-search-zh');
    await page.locator('.hits .hit').click();
    await page.waitForSelector('.certificate');
    expect(new URL(page.url()).pathname).toBe(`/c/${certificate.number}`);
    await page.goBack();
    await page.waitForSelector('.hits .hit');

    await page.locator('#lookup-q').fill('');
    await search(certificate.organization.creditCode);
    await expect.poll(() => page.locator('.hits .mono').first().textContent()).toBe(certificate.number);

    await search('查无此名的公司');
    await expect
      .poll(() => page.locator('.results [role="status"]').textContent())
      .toBe('未找到与“查无此名的公司”相符的证书。');

    await page.locator('#lookup-q').fill('x');
    await page.locator('#lookup-q').press('Enter');
    expect(await page.locator('#lookup-error').textContent()).toBe('请输入至少 2 个字符。');
    expectClean(opened);
    await context.close();
  });
});

describe('scanning in the page', () => {
  it('choose a photo: the decoder loads only then, and the photo of a star mark opens its verdict', async () => {
    const certificate = await issued();
    const png = await starMarkPng(certificate.number);
    const context = await rig.newContext();
    const opened = await openPage(context, `${sys.url}/`);
    const { page } = opened;
    const scripts: string[] = [];
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      fetched.push(new URL(r.url()).pathname);
    });
    await page.waitForSelector('.scan-card');
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((s) => /scanner|reader-/i.test(s))).toEqual([]);
    await page.locator('#photo').setInputFiles({ name: 'star-mark.png', mimeType: 'image/png', buffer: png });
    expect(await verdictOf(page)).toBe('valid');
    expect(new URL(page.url()).hash).toBe(`#${certificate.token}`);
    expect(scripts.some((s) => /scanner-/.test(s))).toBe(true);
    const native = await page.evaluate(() => 'BarcodeDetector' in window);
    // Without a native detector, ZXing's chunk and its WebAssembly, both from the site itself.
    if (!native) {
      expect(scripts.some((s) => /\/reader-[A-Z0-9]+\.js$/.test(s))).toBe(true);
      expect(fetched.some((s) => /^\/assets\/zxing_reader-[A-Z0-9]+\.wasm$/.test(s))).toBe(true);
    }
    expectClean(opened);
    await context.close();
  });

  it('camera: a fake camera filming a project-made QR code opens its verdict', async () => {
    const certificate = await issued();
    const url = await markUrl(certificate);
    const video = join(tmpdir(), `starmark-qr-${process.pid}.y4m`);
    writeFileSync(video, qrVideo(url));
    const cameraBrowser = await launchBrowser([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    try {
      const context = await cameraBrowser.newContext(PHONE);
      await context.grantPermissions(['camera'], { origin: sys.url });
      const opened = await openPage(context, `${sys.url}/`);
      await opened.page.locator('button', { hasText: '打开相机扫码' }).click();
      expect(await verdictOf(opened.page)).toBe('valid');
      expect(new URL(opened.page.url()).hash).toBe(`#${certificate.token}`);
      expectClean(opened);
      await context.close();
    } finally {
      await cameraBrowser.close();
    }
  });
});

describe('offline', () => {
  it('after one visit, with the network gone, the page still loads and checks signatures', async () => {
    const valid = await issued();
    const validUrl = await markUrl(valid);
    const suspended = await issued();
    const suspendedUrl = await markUrl(suspended);
    await ok(sys.api.post(`/v1/staff/certificates/${suspended.number}/suspend`, { reason: '暂停' }, ADMIN));

    const context = await rig.newContext();
    const first = await openPage(context, validUrl);
    expect(await verdictOf(first.page)).toBe('valid');
    // The service worker has taken control and cached the page and every script it loaded.
    await expect
      .poll(
        () =>
          first.page.evaluate(async () => {
            if (!navigator.serviceWorker.controller) return false;
            const scripts = performance
              .getEntriesByType('resource')
              .map((e) => e.name)
              .filter((u) => new URL(u).pathname.startsWith('/assets/'));
            const styles = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => l.href);
            const cached = await Promise.all(['/index.html', ...styles, ...scripts].map((u) => caches.match(u)));
            return scripts.length > 0 && styles.length > 0 && cached.every(Boolean);
          }),
        { timeout: 15_000 },
      )
      .toBe(true);
    await first.page.close();

    await context.setOffline(true);
    const offline = await context.newPage();
    const problems = watchPage(offline, sys.url);
    const response = await offline.goto(suspendedUrl);
    expect(response?.fromServiceWorker()).toBe(true);
    const network = await takeOffline(context, offline);
    // The signed status snapshot the service worker keeps tells the suspension offline, with its time.
    expect(await verdictOf(offline)).toBe('suspended');
    expect(await verdictTitle(offline)).toMatch(/^真品 · 截至 .+ 证书已暂停$/);
    expect(await offline.locator('#offline-banner').isVisible()).toBe(true);
    expect(await offline.locator('.verdict-details .mono').first().textContent()).toBe(suspended.number);
    await screenshot(offline, 'verify-offline-zh');
    await switchLanguage(offline, 'en');
    expect(await verdictTitle(offline)).toMatch(/^Genuine, but suspended as of /);
    await screenshot(offline, 'verify-offline-en');
    await switchLanguage(offline, 'zh');

    // Offline, a tampered mark is still caught: the signature check needs no network.
    const [h, p, s] = tokenOf(validUrl).split('.') as [string, string, string];
    const tampered = `${h}.${b64url(
      Buffer.from(p, 'base64url')
        .toString('utf8')
        .replace(/\|(\d)\|/, '|5|')
        .replace('-0', '-9'),
    )}.${s}`;
    await offline.goto('about:blank');
    await offline.goto(`${sys.url}/v#${tampered}`);
    expect(await verdictOf(offline)).toBe('counterfeit');
    await screenshot(offline, 'verify-offline-counterfeit-zh');

    // Back online: the live status is looked up by itself.
    await offline.goto('about:blank');
    await offline.goto(suspendedUrl);
    expect(await verdictOf(offline)).toBe('suspended');
    // As of the snapshot's time (stale here: the system's clock is days behind the browser's).
    expect(await offline.locator('[data-as-of], [data-stale]').count()).toBe(1);
    await network.backOnline();
    // Opened again online, the live record replaces the snapshot's word: no "as of" any more.
    await offline.reload();
    await expect
      .poll(() => offline.locator('#verdict [data-verdict]').getAttribute('data-verdict'), { timeout: 15_000 })
      .toBe('suspended');
    await expect.poll(() => offline.locator('[data-as-of], [data-stale]').count(), { timeout: 15_000 }).toBe(0);
    expect(problems.dialogs).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('a new build', () => {
  it("takes over offline use: its worker precaches its own files and deletes the older builds' caches", async () => {
    const webRoot = sys.webRoot as string;
    const build = assetManifest(webRoot);
    const context = await rig.newContext();
    const { page } = await openPage(context, `${sys.url}/`);
    await page.waitForSelector('.scan-card');
    const cacheNames = () => page.evaluate(async () => (await caches.keys()).sort());
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 15_000 })
      .toBe(true);
    await expect.poll(cacheNames).toEqual([`starmark-verify-${build.build}`]);
    // A leftover of an even older build, and a cache that is not the verify page's at all.
    await page.evaluate(async () => {
      await caches.open('starmark-verify-0000000000000000');
      await caches.open('another-app');
    });

    // The next deployment: the same files, a worker with another build's id.
    const next = 'fedcba9876543210';
    const worker = join(webRoot, 'sw.js');
    writeFileSync(worker, readFileSync(worker, 'utf8').replaceAll(build.build, next));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect.poll(cacheNames, { timeout: 15_000 }).toEqual(['another-app', `starmark-verify-${next}`]);
    const precached = await page.evaluate(
      async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname),
      `starmark-verify-${next}`,
    );
    const verify = build.pages.verify;
    expect(precached).toEqual(
      expect.arrayContaining(['/index.html', ...verify.styles, verify.script, ...verify.preload, ...verify.lazy]),
    );
    await context.close();
  });
});

describe('keys built into the deployment', () => {
  it('a key set baked in as /jwks.json verifies a first scan with the key endpoint and the API out of reach', async () => {
    const certificate = await issued();
    const url = await markUrl(certificate);
    const jwks = JSON.stringify((await ok(sys.api.get('/.well-known/jwks.json'))) as object);
    // Routes see every request only with the service worker out of the way.
    const context = await rig.newContext({ contextOptions: { serviceWorkers: 'block' } });
    await context.route('**/.well-known/jwks.json', (route) => route.abort('internetdisconnected'));
    await context.route('**/v1/**', (route) => route.abort('internetdisconnected'));

    // A deployment that shipped no key set.
    await context.route('**/jwks.json', (route) =>
      new URL(route.request().url()).pathname === '/jwks.json' ? route.fulfill({ status: 404 }) : route.fallback(),
    );
    const withoutBaked = await openPage(context, url);
    expect(await verdictOf(withoutBaked.page)).toBe('unverifiable');
    expect(await verdictTitle(withoutBaked.page)).toBe('暂时无法离线核验');
    await screenshot(withoutBaked.page, 'verify-unverifiable-zh');
    await withoutBaked.page.close();

    await context.route('**/jwks.json', (route) =>
      new URL(route.request().url()).pathname === '/jwks.json'
        ? route.fulfill({ status: 200, contentType: 'application/json', body: jwks })
        : route.fallback(),
    );
    const withBaked = await openPage(context, url);
    expect(await verdictOf(withBaked.page)).toBe('offline');
    expect(await verdictTitle(withBaked.page)).toBe('签名真实 · 未查询状态');
    await context.close();
  });
});

describe('accessibility and small screens', () => {
  it('keeps focus on the certificate heading when the certification body arrives after the record', async () => {
    const certificate = await issued();
    // No service worker: the page's own requests reach the route below, which holds the body back.
    const context = await rig.newContext({ contextOptions: { serviceWorkers: 'block' } });
    let released = false;
    await context.route('**/certification-body.json', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      released = true;
      await route.continue();
    });
    const opened = await openPage(context, `${sys.url}/`);
    const { page } = opened;
    await page.waitForSelector('.scan-card');
    await page.locator('#lookup-q').fill(certificate.number);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.certificate');
    await expect.poll(() => released, { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cert-heading');
    await context.close();
  });

  it('at 320 px nothing overflows; the skip link, the language switch and the look-up work from the keyboard', async () => {
    const certificate = await issued();
    const url = await markUrl(certificate);
    const context = await rig.newContext({ contextOptions: { viewport: { width: 320, height: 640 } } });
    const opened = await openPage(context, url);
    const { page } = opened;
    expect(await verdictOf(page)).toBe('valid');
    expect(await overflow(page)).toBe(0);
    await screenshot(page, 'verify-valid-320-zh');

    await page.goto(`${sys.url}/c/${certificate.number}`);
    await page.waitForSelector('.certificate');
    expect(await overflow(page)).toBe(0);

    await page.goto(`${sys.url}/`);
    await page.waitForSelector('.scan-card');
    expect(await overflow(page)).toBe(0);
    await screenshot(page, 'verify-home-320-zh');

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('skip-link');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lang-switch');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator('#lookup-q').focus();
    await page.keyboard.type(certificate.number);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.certificate');
    // After an in-page navigation, focus moves to the new view's heading for screen readers.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cert-heading');

    // Every form control has an accessible name; every image is decorative or named.
    await page.goto(`${sys.url}/`);
    await page.waitForSelector('.scan-card');
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('input, button, select, textarea')]
        .filter((el) => !(el as HTMLElement).closest('[hidden]'))
        .filter((el) => {
          const id = el.id;
          const label = id ? document.querySelector(`label[for="${id}"]`) : null;
          return !(label?.textContent?.trim() || el.getAttribute('aria-label') || el.textContent?.trim());
        })
        .map((el) => el.outerHTML),
    );
    expect(unnamed).toEqual([]);
    const svgs = await page.evaluate(
      () =>
        [...document.querySelectorAll('svg')].filter(
          (s) => s.getAttribute('aria-hidden') !== 'true' && !s.getAttribute('aria-label'),
        ).length,
    );
    expect(svgs).toBe(0);
    expectClean(opened);
    await context.close();
  });
});

describe('keys and time', () => {
  it('a revoked key: its marks can no longer prove themselves, even on a device that trusted the key before', async () => {
    const before = await issued();
    const beforeUrl = await markUrl(before);
    const context = await rig.newContext();
    const first = await openPage(context, beforeUrl);
    expect(await verdictOf(first.page)).toBe('valid');
    await first.page.close();

    await ok(sys.api.post('/v1/staff/signing-keys/rotate', {}, ADMIN, { 'idempotency-key': `rotate-${Date.now()}` }));
    await ok(
      sys.api.post(`/v1/staff/signing-keys/${before.tokenKid}/revoke`, { reason: '密钥泄露' }, ADMIN, {
        'idempotency-key': `revoke-${Date.now()}`,
      }),
    );

    const again = await openPage(context, beforeUrl);
    // Not "counterfeit": the certificate is valid in the register, whose record is shown to compare.
    expect(await verdictOf(again.page)).toBe('key-withdrawn');
    await expect.poll(() => again.page.locator('.badge-valid').count(), { timeout: 15_000 }).toBe(1);
    expect(await again.page.locator('.verdict-details').textContent()).toContain('吊销');
    await screenshot(again.page, 'verify-revoked-key-zh');
    await again.page.close();

    // The revocation is remembered: offline, the old key is not trusted again.
    await context.setOffline(true);
    const offline = await openPage(context, beforeUrl);
    expect(await verdictOf(offline.page)).toBe('key-withdrawn');
    await context.setOffline(false);

    const after = await issued();
    const fresh = await openPage(context, await markUrl(after));
    expect(await verdictOf(fresh.page)).toBe('valid');
    await context.close();
  });

  it('expired: past its validity by server time, its own look (ended)', async () => {
    const certificate = await issued();
    const url = await markUrl(certificate);
    expect(certificate.validUntil).toBe('2029-11-22');
    sys.setNow('2029-12-01T02:00:00Z');
    try {
      const record = await ok(sys.api.get(`/v1/certificates/${certificate.number}`));
      expect(record.status).toBe('expired');
      await checkVerdict(url, { kind: 'expired', zh: '证书已过期', en: 'Certificate expired', name: 'expired' });
    } finally {
      sys.setNow(NOW);
    }
  });
});

/** A short YUV4MPEG2 video (what Chromium's fake camera plays) of a QR code drawn from the project's own matrix. */
function qrVideo(text: string): Buffer {
  const matrix = qrMatrix(text);
  const width = 640;
  const height = 480;
  const module = Math.floor(440 / (matrix.size + 8));
  const side = module * (matrix.size + 8);
  const left = Math.floor((width - side) / 2) + module * 4;
  const top = Math.floor((height - side) / 2) + module * 4;
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) {
      if (!matrix.isDark(row, col)) continue;
      for (let y = 0; y < module; y++)
        luma.fill(
          16,
          (top + row * module + y) * width + left + col * module,
          (top + row * module + y) * width + left + (col + 1) * module,
        );
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]);
}
