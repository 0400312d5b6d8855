/**
 * The printable certificate as one HTML page, made from the same certificate document as the PDF and the API answer
 * (shared/certificate-document): every field bilingual, the issuing body with its approval number, the QR inline as
 * SVG. Every string is escaped; the page has no script and no inline style (the CSP allows neither), its look comes
 * from the linked stylesheet and SVG attributes.
 */
import {
  type Bilingual,
  bodyLines,
  type CertificateDocument,
  certificateFields,
  DEMO_NOTICE,
} from '../../certificate-document';
import { escapeMarkup as e } from './escape';
import { type QrMatrix, QUIET_ZONE, qrPath } from './qr-svg';
import { starRow } from './stars';

export interface CertificatePageInput {
  document: CertificateDocument;
  /** The QR of the star-mark URL. */
  qr: QrMatrix;
  stylesheetHref: string;
  generatedAt: string;
}

const both = (v: Bilingual) => `${e(v.zh)} <span class="en">${e(v.en)}</span>`;

function fact(label: Bilingual, value: string | Bilingual, html = ''): string {
  const shown = typeof value === 'string' ? e(value) : both(value);
  return `<div class="fact"><dt>${both(label)}</dt><dd>${html}${shown}</dd></div>`;
}

function starsSvg(count: number): string {
  if (!count) return '';
  return `<svg class="stars" viewBox="0 0 ${count * 24} 24" width="${count * 24}" height="24" aria-hidden="true">${starRow(count, count * 12, 12, 11, 24, '#d4a017')}</svg> `;
}

function qrFigure(qr: QrMatrix, number: string): string {
  const side = qr.size + 2 * QUIET_ZONE;
  return (
    `<figure class="qr"><svg viewBox="0 0 ${side} ${side}" width="180" height="180" shape-rendering="crispEdges" role="img">` +
    `<title>${e(`星级标志二维码 ${number}`)}</title><rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path fill="#000" d="${qrPath(qr, 0, 0, side)}"/></svg>` +
    `<figcaption>扫码验证真伪 <span class="en">Scan to verify</span></figcaption></figure>`
  );
}

export function certificatePage(input: CertificatePageInput): string {
  const d = input.document;
  const facts = certificateFields(d).map((f) =>
    fact(f.label, f.value, f.key === 'level' ? starsSvg(d.level.stars) : ''),
  );
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(`${d.number} ${d.holder.name}`)}</title>`,
    `<link rel="stylesheet" href="${e(input.stylesheetHref)}">`,
    '</head>',
    '<body>',
    '<main class="certificate">',
    `<header><p class="scheme">${e(d.title.zh)}</p><p class="kind">${e(d.title.en)}</p>`,
    d.demo ? `<p class="demo">${both(DEMO_NOTICE)}</p>` : '',
    `<p class="number">证书编号 No. <strong>${e(d.number)}</strong></p></header>`,
    `<h1 class="organization">${e(d.holder.name)}</h1>`,
    d.holder.nameEn ? `<p class="organization-en">${e(d.holder.nameEn)}</p>` : '',
    `<dl class="facts">${facts.join('')}</dl>`,
    qrFigure(input.qr, d.number),
    '<footer>',
    `<address class="body">${bodyLines(d)
      .map((l) => `<p>${both(l)}</p>`)
      .join('')}</address>`,
    `<p>${both(d.verification.note)}</p>`,
    `<p class="lookup">${e(d.verification.lookupUrl)}</p>`,
    `<p class="generated">${e(input.generatedAt)}</p>`,
    '</footer>',
    '</main>',
    '</body>',
    '</html>',
  ]
    .filter(Boolean)
    .join('\n');
}
