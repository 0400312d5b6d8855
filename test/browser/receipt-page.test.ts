/**
 * The public receipt page, as a third party meets a receipt: its short permalink (typed from paper, or the QR code
 * scanned), a pasted JWS, a photo of the QR code. The signature is re-checked in the page every time; the printed
 * page carries the QR code and the URL, and the QR code drawn there reads back as the short permalink.
 */

import { base64url } from 'jose';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flipS } from '../../shared/jws';
import { screenshot, usePageRig } from '../support/page-driver';
import { issuedCertificate } from '../support/walk';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });
const sys = rig.sys;
let issued: { id: string; jws: string; link: string };
let organization: string;

beforeAll(async () => {
  const certificate = await issuedCertificate(sys.api, 94);
  organization = certificate.organization.name;
  issued = (await sys.api.post('/v1/receipts', { number: certificate.number })).body;
});

afterAll(() => {
  for (const p of rig.problems) expect(p).toEqual({ errors: [], dialogs: [], foreignRequests: [] });
});

function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(pixels, image.width, image.height)?.data ?? null;
}

const open = async (path: string) => (await rig.open(path, { viewport: 'phone' })).page;

describe('the receipt page', () => {
  it('re-checks a receipt at its short permalink and prints it with a QR code that reads back as the link', async () => {
    const page = await open(new URL(issued.link).pathname);
    await page.waitForSelector('#receipt-state[data-code="VALID"]');
    expect(await page.textContent('#receipt-id')).toBe(issued.id);
    expect(await page.textContent('.receipt-fields')).toContain(organization);
    // The certification body the receipt names, as signed: its name and CNCA approval number.
    const body = sys.deps.config.certificationBody;
    expect(await page.textContent('#receipt-body')).toBe(body.name.zh);
    expect(await page.textContent('.receipt-fields')).toContain(body.approvalNumber);
    await page.waitForSelector('#receipt-qr');
    expect(await page.textContent('#receipt-link')).toBe(issued.link);
    expect(decodeQr(await page.locator('#receipt-qr').screenshot())).toBe(issued.link);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#receipt-qr')).toBe(true);
    expect(await page.isVisible('#receipt-link')).toBe(true);
    await screenshot(page, 'receipt-page-print', { fullPage: true });
  });

  it('checks a pasted JWS, and refuses its high-S twin with NON_CANONICAL_SIGNATURE', async () => {
    const page = await open('/procurement.html');
    await page.fill('#receipt-input', issued.jws);
    await page.click('#receipt-check');
    await page.waitForSelector('#receipt-state[data-code="VALID"]');
    expect(await page.textContent('#receipt-id')).toBe(issued.id);
    // Opened by its long permalink, the page still finds the short one for the QR code.
    await page.waitForSelector('#receipt-qr');
    expect(await page.textContent('#receipt-link')).toBe(issued.link);

    const [header, payload, signature] = issued.jws.split('.') as [string, string, string];
    const twin = `${header}.${payload}.${base64url.encode(flipS(base64url.decode(signature)))}`;
    const other = await open('/procurement.html');
    await other.fill('#receipt-input', twin);
    await other.click('#receipt-check');
    await other.waitForSelector('#receipt-state[data-code="NON_CANONICAL_SIGNATURE"]');
    expect(await other.$('#receipt-verdict')).toBeNull();
  });

  it('opens a receipt from a pasted link and from a photo of its QR code', async () => {
    const page = await open('/procurement.html');
    await page.fill('#receipt-input', ` ${issued.link} `);
    await page.click('#receipt-check');
    await page.waitForURL(issued.link);
    await page.waitForSelector('#receipt-state[data-code="VALID"]');

    const photo = await QRCode.toBuffer(issued.link, { errorCorrectionLevel: 'M', margin: 4, scale: 8 });
    const scanned = await open('/procurement.html');
    await scanned
      .locator('#receipt-photo')
      .setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: photo });
    await scanned.waitForURL(issued.link);
    await scanned.waitForSelector('#receipt-state[data-code="VALID"]');

    await scanned.goto(`${sys.url}/procurement.html`);
    await scanned.fill('#receipt-input', 'SM-SV-2026-000001');
    await scanned.click('#receipt-check');
    expect(await scanned.textContent('#receipt-check-status')).toContain('不是回执');
  });

  it('says plainly when a short permalink names no receipt', async () => {
    const opened = await rig.open(`/r/${'A'.repeat(43)}`, { viewport: 'phone' });
    await opened.page.waitForSelector('#receipt-state[data-code="NOT_FOUND"]');
    expect(await opened.page.isVisible('#receipt-input')).toBe(true);
    // The one error the console shows is the browser's own line for the 404 it was told to expect.
    expect(opened.notFound).toEqual([`/receipts/${'A'.repeat(43)}`]);
    opened.problems.errors = opened.problems.errors.filter((e) => !e.includes('404'));
  });
});
