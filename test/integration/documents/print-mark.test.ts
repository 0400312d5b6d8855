/**
 * The print-ready star mark: every text in outlines, the same shapes as SVG, PDF and PNG, and a minimum print size
 * measured with an independent decoder on a degraded image.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-wasm';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runtimeAssetPath } from '../../../functions/documents/runtime-assets';
import { svgToPng } from '../../../functions/signing/artwork/png';
import { DOCUMENT_FONTS } from '../../../shared/certificate-document/assets';
import { MIN_MARK_WIDTH_MM, MIN_QR_SIDE_MM } from '../../../shared/print-mark';
import { EXAMPLE_CERTIFICATION_BODY } from '../../support/certification-body';
import { useTestSystem } from '../../support/local-system';
import { pdfFonts, pdfPagePng, pdfPageSize } from '../../support/pdf-tools';
import { blurredJpeg } from '../../support/print-degrade';
import { decodeQr } from '../../support/qr-decode';
import { issuedCertificate } from '../../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z', certificationBody: EXAMPLE_CERTIFICATION_BODY });
let cert: any;
let svg: string;
let verifyUrl: string;

async function download(path: string, as = 'applicant-acme') {
  const res = await fetch(sys.url + path, { headers: { authorization: `Bearer ${await sys.tokenOf(as)}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  cert = await issuedCertificate(sys.api, 92);
  verifyUrl = `${sys.url}/v#${cert.token}`;
  const res = await download(`/v1/staff/certificates/${cert.number}/print-mark.svg`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('image/svg+xml');
  svg = res.bytes.toString('utf8');
});

describe('the print-ready mark as SVG', () => {
  it('has all its text as outlines: no text element, no font, only filled paths', () => {
    expect(svg).not.toMatch(/<text|font-family|font-size|<style|@font-face/);
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(9);
    expect(svg).toContain('width="60mm" height="80mm"');
  });

  it('draws the stars of the level and a QR that decodes to the verify URL', async () => {
    // Four stars: one path of four closed star contours in gold.
    const gold = /<path fill="#d4a017" d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(gold.match(/Z/g)?.length).toBe(4);
    expect(await decodeQr(await svgToPng(svg, 1200))).toEqual([verifyUrl]);
  });

  it('renders the same PNG with the shipped fonts, with a system CJK font, and with no font at all', async () => {
    const render = (fontBuffers: Uint8Array[]) => {
      const r = new Resvg(svg, { fitTo: { mode: 'width', value: 700 }, background: '#ffffff', font: { fontBuffers } });
      return Buffer.from(r.render().asPng());
    };
    await svgToPng(svg, 10); // loads the renderer
    const none = render([]);
    const installed = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
    const cjk = existsSync(installed) ? installed : runtimeAssetPath(DOCUMENT_FONTS.regular);
    const withSystem = render([new Uint8Array(readFileSync(cjk))]);
    expect(withSystem.equals(none)).toBe(true);
    const shipped = await svgToPng(svg, 700);
    expect(PNG.sync.read(shipped).data.equals(PNG.sync.read(none).data)).toBe(true);
  });
});

describe('the print-ready mark as PNG and PDF', () => {
  it.each([
    [300, 709],
    [600, 1417],
  ])('gives a %i dpi PNG of the 60 mm mark (%i px), marked with its resolution, that decodes', async (dpi, px) => {
    const res = await download(`/v1/staff/certificates/${cert.number}/print-mark.png?dpi=${dpi}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(PNG.sync.read(res.bytes).width).toBe(px);
    expect(res.bytes.readUInt32BE(res.bytes.indexOf('pHYs') + 4)).toBe(Math.round(dpi / 0.0254));
    expect(await decodeQr(res.bytes)).toEqual([verifyUrl]);
  });

  it('refuses a resolution it does not make, with a problem', async () => {
    const res = await sys.api.get(`/v1/staff/certificates/${cert.number}/print-mark.png?dpi=72`, 'applicant-acme');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('gives a vector PDF of the nominal size with no font in it, whose QR decodes at 300 dpi', async () => {
    const res = await download(`/v1/staff/certificates/${cert.number}/print-mark.pdf`);
    expect(res.status).toBe(200);
    const { width, height } = pdfPageSize(res.bytes);
    expect(Math.round(width)).toBe(170);
    expect(Math.round(height)).toBe(227);
    expect(pdfFonts(res.bytes)).toEqual([]);
    expect(await decodeQr(pdfPagePng(res.bytes, 300))).toEqual([verifyUrl]);
  });
});

describe('the minimum print size', () => {
  it(`is stated (${MIN_MARK_WIDTH_MM} mm wide, QR ${MIN_QR_SIDE_MM} mm) and decodes there after blur and JPEG q60`, async () => {
    expect(MIN_MARK_WIDTH_MM).toBe(29);
    const px = Math.round((MIN_MARK_WIDTH_MM / 25.4) * 300);
    const degraded = blurredJpeg(await svgToPng(svg, px), 1, 60);
    expect(await decodeQr(degraded)).toEqual([verifyUrl]);
  });

  it('is a real limit: at half of it the same degradation leaves nothing to decode', async () => {
    const px = Math.round((MIN_MARK_WIDTH_MM / 2 / 25.4) * 300);
    expect(await decodeQr(blurredJpeg(await svgToPng(svg, px), 1, 60))).toEqual([]);
  });
});
