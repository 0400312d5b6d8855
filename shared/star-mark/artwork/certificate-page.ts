/**
 * The printable certificate: one HTML page with the public facts of the certificate and the star-mark QR as inline
 * SVG. Every organization string is escaped; the page has no script and no inline style (the CSP allows neither),
 * its look comes from the linked stylesheet and SVG attributes.
 */
import type { CertificateStatus } from '../../model';
import type { PublicCertificate } from '../../public-record';
import { starsFor } from '../../scheme';
import { escapeMarkup as e } from './escape';
import { type QrMatrix, QUIET_ZONE, qrPath } from './qr-svg';
import { SCHEME_TITLE } from './star-mark-svg';
import { starRow } from './stars';

export const STATUS_LABELS: Record<CertificateStatus, string> = {
  valid: '有效 valid',
  suspended: '暂停 suspended',
  withdrawn: '撤销 withdrawn',
  cancelled: '注销 cancelled',
  expired: '过期 expired',
};

export interface CertificatePageInput {
  record: PublicCertificate;
  address?: string;
  /** The QR of the star-mark URL. */
  qr: QrMatrix;
  stylesheetHref: string;
  generatedAt: string;
}

function fact(zh: string, en: string, value: string): string {
  return `<div class="fact"><dt>${zh} <span class="en">${en}</span></dt><dd>${value}</dd></div>`;
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
  const r = input.record;
  const org = r.organization;
  const facts = [
    fact('统一社会信用代码', 'Unified social credit code', e(org.creditCode)),
    ...(input.address ? [fact('地址', 'Address', e(input.address))] : []),
    fact('认证范围', 'Scope', e(r.scope)),
    fact(
      '星级',
      'Level',
      `${starsSvg(starsFor(r.level))}${e(r.levelName.zh)} <span class="en">${e(r.levelName.en)}</span>`,
    ),
    fact('评分区间', 'Score band', e(r.scoreBand)),
    fact('证书状态', 'Status', e(STATUS_LABELS[r.status])),
    fact('有效期', 'Valid', `${e(r.validFrom)} 至 ${e(r.validUntil)}`),
    fact('认证周期', 'Cycle', String(r.cycle)),
    fact('上次监督审核', 'Last surveillance', e(r.lastSurveillance ?? '—')),
    fact('下次监督审核', 'Next surveillance', e(r.nextSurveillance ?? '—')),
  ];
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(`${r.number} ${org.name}`)}</title>`,
    `<link rel="stylesheet" href="${e(input.stylesheetHref)}">`,
    '</head>',
    '<body>',
    '<main class="certificate">',
    `<header><p class="scheme">${e(SCHEME_TITLE)}</p><p class="kind">证书 <span class="en">Certificate</span></p>`,
    `<p class="number">证书编号 No. <strong>${e(r.number)}</strong></p></header>`,
    `<h1 class="organization">${e(org.name)}</h1>`,
    org.nameEn ? `<p class="organization-en">${e(org.nameEn)}</p>` : '',
    `<dl class="facts">${facts.join('')}</dl>`,
    qrFigure(input.qr, r.number),
    `<footer><p>本证书信息以认证机构注册系统实时状态为准。<span class="en">The register's live status prevails.</span></p>`,
    `<p class="generated">${e(input.generatedAt)}</p></footer>`,
    '</main>',
    '</body>',
    '</html>',
  ]
    .filter(Boolean)
    .join('\n');
}
