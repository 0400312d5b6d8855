/**
 * A verdict a consumer can trust anywhere, in Debian's Chromium against the real system. A fresh phone profile
 * opens `/` once online — not a mark — and then, offline, judges every kind of mark: valid (as of the signed status
 * snapshot), tampered, suspended per the snapshot, signed by a since-revoked key while its certificate is valid,
 * and signed by a key newer than anything on the device. Bad snapshots (malformed, signed by a wrong key, stale)
 * never make a mark look valid. The certification body is named on every verdict; a counterfeit links to its
 * report channel; an English browser gets English; an ended certificate has a look of its own, without stars.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compactJws } from '../../shared/jws';
import { encodeSnapshot, type SnapshotEntry, snapshotSigningInput } from '../../shared/status-snapshot';
import { screenshot, takeOffline, usePageRig } from '../support/page-driver';
import { DEFAULT_ACTORS, issuedCertificate } from '../support/walk';

// The page judges staleness by the device's clock: the system's clock is the real one here.
const rig = usePageRig({ now: new Date().toISOString() });
const sys = rig.sys;
const ADMIN = DEFAULT_ACTORS.admin;

async function ok<T = any>(call: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

const markUrl = (token: string) => `${sys.url}/v#${token}`;

async function verdictOf(page: Page): Promise<string> {
  await page.waitForFunction(
    () => {
      const v = document.querySelector('#verdict [data-verdict]')?.getAttribute('data-verdict');
      return Boolean(v) && v !== 'checking';
    },
    undefined,
    { timeout: 20_000 },
  );
  return (await page.locator('#verdict [data-verdict]').getAttribute('data-verdict')) ?? '';
}
const titleOf = async (page: Page) => (await page.locator('#verdict .verdict-title').textContent()) ?? '';

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('about:blank');
  await page.goto(url);
  return page;
}

function tampered(token: string): string {
  const [h, p, s] = token.split('.') as [string, string, string];
  const text = Buffer.from(p, 'base64url')
    .toString('utf8')
    .replace(/\|(\d)\|/, '|5|');
  return `${h}.${Buffer.from(text).toString('base64url')}.${s}`;
}

async function activeKid(): Promise<string> {
  const items = (await ok(sys.api.get('/v1/staff/signing-keys', ADMIN))).items as any[];
  return items.find((k) => k.status === 'active').kid;
}

/** A status snapshot signed by whatever ring is given: the status key (honest) or another (a forgery). */
async function snapshotSignedBy(
  ring: 'statusKeys' | 'signingKeys',
  entries: SnapshotEntry[],
  iat: Date,
): Promise<string> {
  const signer = await sys.deps[ring]!.signer();
  const input = snapshotSigningInput(encodeSnapshot(entries, iat, []), signer.kid);
  return compactJws(input, await signer.sign(new TextEncoder().encode(input)));
}

describe('a phone that opened / online once, then offline', () => {
  it('judges valid, tampered, suspended, revoked-key-but-valid and newer-key marks honestly', async () => {
    // A mark signed by a key that is then revoked, while its certificate stays valid.
    const oldKeyCert = await issuedCertificate(sys.api, 92);
    const oldKid = oldKeyCert.tokenKid;
    await ok(sys.api.post('/v1/staff/signing-keys/rotate', {}, ADMIN));
    await ok(sys.api.post(`/v1/staff/signing-keys/${oldKid}/revoke`, { reason: '密钥泄露' }, ADMIN));
    const valid = await issuedCertificate(sys.api, 92);
    const suspended = await issuedCertificate(sys.api, 92);
    const withdrawn = await issuedCertificate(sys.api, 92);
    await ok(sys.api.post(`/v1/staff/certificates/${suspended.number}/suspend`, { reason: '暂停' }, ADMIN));
    await ok(sys.api.post(`/v1/staff/certificates/${withdrawn.number}/withdraw`, { reason: '撤销' }, ADMIN));

    const context = await rig.newContext();
    const home = await open(context, `${sys.url}/`);
    await home.waitForSelector('.scan-card');
    // The service worker took over and holds the shipped key set, the status snapshot and the body.
    await expect
      .poll(
        () =>
          home.evaluate(async () => {
            if (!navigator.serviceWorker.controller) return false;
            const wanted = ['/jwks.json', '/v1/status-snapshot', '/certification-body.json', '/index.html'];
            return (await Promise.all(wanted.map((u) => caches.match(u)))).every(Boolean);
          }),
        { timeout: 20_000 },
      )
      .toBe(true);
    await home.close();

    // After the visit, the body rotates its key: the phone has never seen the new one.
    await ok(sys.api.post('/v1/staff/signing-keys/rotate', {}, ADMIN));
    const newer = await issuedCertificate(sys.api, 92);
    expect(newer.tokenKid).toBe(await activeKid());

    await context.setOffline(true);
    const page = await open(context, markUrl(valid.token));
    const network = await takeOffline(context, page);
    expect(await verdictOf(page)).toBe('valid');
    expect(await titleOf(page)).toMatch(/^真品 · 截至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间） 证书有效$/);
    expect(await page.locator('[data-as-of]').count()).toBe(1);
    expect(await page.locator('[data-issuer] .issuer-name').textContent()).toContain('星标示范认证中心');
    await screenshot(page, 'trust-offline-valid-zh');

    await page.goto(markUrl(tampered(valid.token)));
    expect(await verdictOf(page)).toBe('counterfeit');
    expect(await page.locator('[data-report] a.report-link').getAttribute('href')).toBe(
      'https://certification-body.example/report',
    );
    await screenshot(page, 'trust-offline-counterfeit-zh');

    await page.goto(markUrl(suspended.token));
    expect(await verdictOf(page)).toBe('suspended');
    expect(await titleOf(page)).toMatch(/^真品 · 截至 .+ 证书已暂停$/);

    await page.goto(markUrl(withdrawn.token));
    expect(await verdictOf(page)).toBe('withdrawn');
    expect(await page.locator('#verdict .verdict').getAttribute('class')).toContain('tone-ended');
    expect(await page.locator('.stars, .star').count()).toBe(0);
    await screenshot(page, 'trust-offline-withdrawn-zh');

    await page.goto(markUrl(oldKeyCert.token));
    expect(await verdictOf(page)).toBe('key-withdrawn');
    expect(await titleOf(page)).toBe('标志密钥已吊销 · 标志无法自证');
    await screenshot(page, 'trust-offline-key-withdrawn-zh');

    await page.goto(markUrl(newer.token));
    expect(await verdictOf(page)).toBe('unverifiable');
    expect(await titleOf(page)).toBe('暂时无法离线核验');
    await screenshot(page, 'trust-offline-newer-key-zh');

    // Online again, the revoked-key mark shows the register's live record for its number, to compare.
    await network.backOnline();
    await page.goto(markUrl(oldKeyCert.token));
    expect(await verdictOf(page)).toBe('key-withdrawn');
    await expect.poll(() => page.locator('.badge-valid').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('.verdict-details').textContent()).toContain(oldKeyCert.number);
    await screenshot(page, 'trust-online-key-withdrawn-zh');
    await page.goto(markUrl(newer.token));
    expect(await verdictOf(page)).toBe('valid');
    await context.close();
  }, 240_000);
});

describe('bad status snapshots', () => {
  it('malformed, signed by a star-mark key, or stale: the mark of a suspended certificate is never shown valid', async () => {
    const cert = await issuedCertificate(sys.api, 92);
    await ok(sys.api.post(`/v1/staff/certificates/${cert.number}/suspend`, { reason: '暂停' }, ADMIN));
    const jwks = JSON.stringify((await ok(sys.api.get('/.well-known/jwks.json'))) as object);
    const now = new Date();
    const cases: [string, string][] = [
      ['malformed', 'this.is-not.a-snapshot'],
      ['signed by a star-mark key', await snapshotSignedBy('signingKeys', [], now)],
      ['stale', await snapshotSignedBy('statusKeys', [], new Date(now.getTime() - 8 * 24 * 3600_000))],
    ];
    for (const [what, body] of cases) {
      // Routes see every request only with the service worker out of the way; the register is out of reach.
      const context = await rig.newContext({ contextOptions: { serviceWorkers: 'block' } });
      await context.route('**/.well-known/jwks.json', (r) =>
        r.fulfill({ status: 200, contentType: 'application/json', body: jwks }),
      );
      await context.route('**/v1/status-snapshot', (r) =>
        r.fulfill({ status: 200, contentType: 'application/jose', body }),
      );
      await context.route('**/v1/certificates/**', (r) => r.abort('internetdisconnected'));
      const page = await open(context, markUrl(cert.token));
      const verdict = await verdictOf(page);
      expect(verdict, what).toBe('offline');
      const notes = (await page.locator('.verdict-details').textContent()) ?? '';
      if (what === 'stale') expect(notes, what).toContain('已超过 7 天');
      else expect(notes, what).toContain('未通过认证机构的签名核验');
      await screenshot(page, `trust-bad-snapshot-${what.split(' ')[0]}-zh`);
      await context.close();
    }
  }, 180_000);
});

describe('language and looks', () => {
  it('follows an English browser when nothing was chosen, and keeps a stored choice over it', async () => {
    const cert = await issuedCertificate(sys.api, 92);
    const context = await rig.newContext({ contextOptions: { locale: 'en-US' } });
    const page = await open(context, markUrl(cert.token));
    expect(await verdictOf(page)).toBe('valid');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await titleOf(page)).toBe('Genuine: certificate valid');
    expect(await page.locator('[data-issuer] .issuer-label').textContent()).toBe('Certification body');
    await screenshot(page, 'trust-english-browser');
    await page.evaluate(() => localStorage.setItem('starmark.lang', 'zh'));
    await page.reload();
    expect(await verdictOf(page)).toBe('valid');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await context.close();
  }, 120_000);
});
