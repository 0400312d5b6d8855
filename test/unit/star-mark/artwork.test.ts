import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-wasm';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { assetPath } from '../../../functions/signing/artwork/assets';
import { ARTWORK_FONT_TEXT_FILE, artworkCharacters } from '../../../functions/signing/artwork/fonts';
import { svgToPng } from '../../../functions/signing/artwork/png';
import { qrMatrix } from '../../../functions/signing/artwork/qr';
import { certificateDocument } from '../../../shared/certificate-document';
import { certificatePage } from '../../../shared/star-mark/artwork/certificate-page';
import { escapeMarkup } from '../../../shared/star-mark/artwork/escape';
import { SCHEME_TITLE, starMarkSvg } from '../../../shared/star-mark/artwork/star-mark-svg';
import { EXAMPLE_CERTIFICATION_BODY } from '../../support/certification-body';
import { certificateIn } from '../lifecycle/fixtures';

const url =
  'https://verify.starmark.gov.cn/v#eyJhbGciOiJFUzI1NiIsImtpZCI6ImFiY2RlZmdoIn0.U00tU1YtMjAyNi0wMDAxMjN8NHwyMDI5MTEyMnwx.sig';
const mark = (level: 'five' | 'four' | 'three' | 'compliant') =>
  starMarkSvg({ number: 'SM-SV-2026-000123', level, url, qr: qrMatrix(url) });
const polygons = (svg: string) => (svg.match(/<polygon /g) ?? []).length;

describe('the star-mark artwork', () => {
  it.each([
    ['five', 5],
    ['four', 4],
    ['three', 3],
    ['compliant', 0],
  ] as const)('draws %s with %i stars', (level, stars) => {
    expect(polygons(mark(level))).toBe(stars);
  });

  it('names the compliant level in words, since it has no stars', () => {
    expect(mark('compliant')).toContain('达标级');
  });

  it('carries the certificate number and the scheme title', () => {
    const svg = mark('four');
    expect(svg).toContain('SM-SV-2026-000123');
    expect(svg).toContain(SCHEME_TITLE);
    expect(SCHEME_TITLE).toBe('GB/T 27922 商品售后服务评价体系认证');
  });

  it('uses no CSS, only SVG attributes, so a strict CSP and the PNG renderer both draw it', () => {
    expect(mark('five')).not.toMatch(/<style|style=/);
  });

  it('renders a print PNG at least 1200 px wide, marked 300 dpi, whose QR scans back to the star-mark URL', async () => {
    const png = await svgToPng(mark('four'));
    const image = PNG.sync.read(png);
    expect(image.width).toBeGreaterThanOrEqual(1200);
    const phys = png.indexOf('pHYs');
    expect(phys).toBeGreaterThan(0);
    expect(png.readUInt32BE(phys + 4)).toBe(11811);
    expect(png.readUInt8(phys + 12)).toBe(1);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(url);
  });
});

describe('the renderer and its fonts', () => {
  /** Dark pixels in the band of rows [from, to) of a rendered PNG: where the certificate number is written. */
  const inkIn = (png: Buffer | Uint8Array, from: number, to: number) => {
    const image = PNG.sync.read(Buffer.from(png));
    let dark = 0;
    for (let y = Math.floor(from * image.height); y < Math.floor(to * image.height); y++)
      for (let x = 0; x < image.width; x++) if (image.data[(y * image.width + x) * 4]! < 128) dark++;
    return dark;
  };
  // The number's row (y 610–660 of 800) holds only text: no stars, no QR, no frame.
  const numberRow = [615 / 800, 660 / 800] as const;

  it('writes the words with the fonts it ships, and with nothing at all without them (no system fonts)', async () => {
    expect(inkIn(await svgToPng(mark('compliant'), 600), ...numberRow)).toBeGreaterThan(1000);
    // svgToPng has loaded the WebAssembly module; the same renderer given no fonts draws no text.
    const bare = new Resvg(mark('compliant'), { fitTo: { mode: 'width', value: 600 }, font: { fontBuffers: [] } });
    expect(inkIn(bare.render().asPng(), ...numberRow)).toBe(0);
  });

  it('ships font subsets built for every character the artwork can draw', () => {
    const built = readFileSync(assetPath(`fonts/${ARTWORK_FONT_TEXT_FILE}`), 'utf8').replace(/\n$/, '');
    expect(built).toBe(artworkCharacters());
    for (const level of ['五星级', '四星级', '三星级', '达标级', '扫码验证真伪']) {
      for (const c of level) expect(built).toContain(c);
    }
  });

  it('renders the same bytes every time', async () => {
    expect((await svgToPng(mark('five'), 300)).equals(await svgToPng(mark('five'), 300))).toBe(true);
  });
});

describe('the printable certificate page', () => {
  const certificate = {
    ...certificateIn('valid'),
    number: 'SM-SV-2026-000123',
    organization: {
      name: '<script>alert("x")</script>华东 & Co',
      nameEn: 'O\'Brien "Service" <b>',
      creditCode: '91350100M000100Y43',
      address: '福州市 <u>鼓楼区</u> 1 号',
    },
    scope: '家用电器 <img src=x onerror=alert(1)>',
    level: 'four' as const,
    validFrom: '2026-11-23',
    validUntil: '2029-11-22',
    issuedAt: '2026-11-23T02:00:00.000Z',
  };
  const document = certificateDocument({
    certificate,
    body: EXAMPLE_CERTIFICATION_BODY,
    verifyUrl: url,
    publicBaseUrl: 'https://verify.starmark.gov.cn',
    now: new Date('2026-11-23T02:00:00Z'),
  });
  const page = certificatePage({
    document,
    qr: qrMatrix(url),
    stylesheetHref: 'https://verify.starmark.gov.cn/v1/print/certificate.css',
    generatedAt: 'now',
  });
  const record = { organization: certificate.organization };

  it('escapes every organization string', () => {
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>');
    expect(page).toContain(escapeMarkup(record.organization.name));
    expect(page).toContain('O&#39;Brien &quot;Service&quot; &lt;b&gt;');
  });

  it('has no script, no inline style, and links its stylesheet', () => {
    expect(page).not.toMatch(/<script|<style|<[^>]*\s(style|on\w+)=/i);
    expect(page).toContain('<link rel="stylesheet" href="https://verify.starmark.gov.cn/v1/print/certificate.css">');
  });

  it('shows the credit code, address, scope, standard, level, band, status, dates and body, and the QR inline', () => {
    for (const fact of [
      '91350100M000100Y43',
      '四星级',
      '90–94.9',
      '有效 <span class="en">valid</span>',
      '发证日期',
      '2026-11-23',
      '2029-11-22',
      'GB/T 27922-2011',
      EXAMPLE_CERTIFICATION_BODY.name.zh,
      EXAMPLE_CERTIFICATION_BODY.approvalNumber,
      EXAMPLE_CERTIFICATION_BODY.address.zh,
      '福州市 &lt;u&gt;鼓楼区&lt;/u&gt; 1 号',
    ])
      expect(page).toContain(fact);
    expect(page).toMatch(/<figure class="qr"><svg [^>]*viewBox/);
  });
});
