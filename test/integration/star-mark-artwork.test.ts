import { compactVerify, createLocalJWKSet } from 'jose';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
let cert: any;
const EVIL = '<script>alert("x")</script>华东&家电 "服务" 有限公司';

/** A case walked to issue under an organization name (and scope) that try to inject markup. */
const issuedTo = (name: string) =>
  issuedCertificate(sys.api, 96, { organization: { name, nameEn: '<b>Huadong</b>' }, scope: '家电 <i>维修</i>' });

async function download(path: string, as: string) {
  const res = await fetch(sys.url + path, { headers: { authorization: `Bearer ${await sys.tokenOf(as)}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

function scan(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

beforeAll(async () => {
  cert = await issuedCertificate(sys.api, 92);
});

describe('star-mark artwork downloads', () => {
  it('gives staff the SVG with the stars of the level, the number and the scheme title', async () => {
    const res = await download(`/v1/staff/certificates/${cert.number}/star-mark.svg`, 'evaluator-li');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(res.headers.get('content-disposition')).toContain(`${cert.number}-star-mark.svg`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const svg = res.bytes.toString('utf8');
    expect((svg.match(/<polygon /g) ?? []).length).toBe(4);
    expect(svg).toContain(cert.number);
    expect(svg).toContain('GB/T 27922 商品售后服务评价体系认证');
  });

  it("gives the certificate's own applicant a print PNG (1200 px+, 300 dpi) whose QR is the star-mark URL", async () => {
    const res = await download(`/v1/staff/certificates/${cert.number}/star-mark.png`, 'applicant-acme');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(PNG.sync.read(res.bytes).width).toBeGreaterThanOrEqual(1200);
    expect(res.bytes.readUInt32BE(res.bytes.indexOf('pHYs') + 4)).toBe(11811);
    expect(scan(res.bytes)).toBe(`${sys.url}/v#${cert.token}`);
  });

  it.each(['star-mark.svg', 'star-mark.png', 'certificate.html'])(
    "answers another organization's applicant NOT_FOUND for %s",
    async (file) => {
      const res = await sys.api.get(`/v1/staff/certificates/${cert.number}/${file}`, 'applicant-beta');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    },
  );

  it('answers NOT_FOUND for a certificate that does not exist, and 401 without a token', async () => {
    expect((await sys.api.get('/v1/staff/certificates/SM-SV-2026-999999/star-mark.svg', 'admin-qian')).status).toBe(
      404,
    );
    expect((await sys.api.get(`/v1/staff/certificates/${cert.number}/star-mark.svg`)).status).toBe(401);
  });
});

describe('the printable certificate page', () => {
  let page: string;
  let evil: any;
  beforeAll(async () => {
    evil = await issuedTo(EVIL);
    const res = await download(`/v1/staff/certificates/${evil.number}/certificate.html`, 'applicant-acme');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    page = res.bytes.toString('utf8');
  });

  it('escapes every organization string', () => {
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>');
    expect(page).not.toContain('<i>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;华东&amp;家电');
  });

  it('has no script or inline style under the CSP, and links a stylesheet the API serves', async () => {
    expect(page).not.toMatch(/<script|<style|<[^>]*\s(style|on\w+)=/i);
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(page)![1]!;
    expect(href).toBe(`${sys.url}/v1/print/certificate.css`);
    const css = await fetch(href);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.headers.get('cache-control')).toContain('public');
    expect(css.headers.get('content-security-policy')).toContain("style-src 'self'");
  });

  it('states the credit code, scope, level, score band, status and dates, with the QR inline', () => {
    for (const fact of [
      evil.organization.creditCode,
      '五星级',
      '95–100',
      '有效 <span class="en">valid</span>',
      '2026-11-23',
      '2029-11-22',
      evil.number,
    ])
      expect(page).toContain(fact);
    expect(page).toMatch(/<figure class="qr"><svg /);
  });
});

describe('an independent check of the mark', () => {
  it('QR PNG from qrcode → jsqr → token from the URL fragment → plain jose against the JWKS the system serves', async () => {
    const url = `${sys.url}/v#${cert.token}`;
    const png = await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', scale: 6 });
    const scanned = scan(png)!;
    expect(scanned).toBe(url);
    const token = new URL(scanned).hash.slice(1);
    const jwks = await (await fetch(`${sys.url}/.well-known/jwks.json`)).json();
    const { payload, protectedHeader } = await compactVerify(token, createLocalJWKSet(jwks), { algorithms: ['ES256'] });
    expect(protectedHeader.alg).toBe('ES256');
    expect(new TextDecoder().decode(payload).split('|')[0]).toBe(cert.number);
  });
});
