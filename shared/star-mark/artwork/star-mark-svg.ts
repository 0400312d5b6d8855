/**
 * The star-mark artwork: the stars of the level (none for compliant), the level's name, the QR of the star-mark
 * URL, the certificate number and the scheme's name. Everything is drawn with SVG attributes only (no CSS), so it
 * renders the same in a browser, under a strict CSP and in the PNG renderer.
 */
import type { StarLevel } from '../../scheme';
import { levelLabel, starsFor } from '../../scheme';
import { escapeMarkup } from './escape';
import { type QrMatrix, qrPath } from './qr-svg';
import { starRow } from './stars';

export const SCHEME_TITLE = 'GB/T 27922 商品售后服务评价体系认证';
export const ARTWORK_WIDTH = 600;
export const ARTWORK_HEIGHT = 800;
/** The QR's side, quiet zone included, in the artwork's units. */
export const ARTWORK_QR_SIDE = 420;
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

const RED = '#b71c1c';
const GOLD = '#d4a017';

export interface StarMarkArtwork {
  number: string;
  level: StarLevel;
  /** The star-mark URL the QR encodes. */
  url: string;
  qr: QrMatrix;
}

function text(x: number, y: number, size: number, content: string, extra = ''): string {
  return `<text x="${x}" y="${y}" font-size="${size}" font-family="${FONT_FAMILY}" text-anchor="middle" ${extra}>${escapeMarkup(content)}</text>`;
}

export function starMarkSvg(mark: StarMarkArtwork): string {
  const stars = starsFor(mark.level);
  // With no stars the Chinese name stands large on its own line; the label adds only the English.
  const label = stars
    ? `${levelLabel(mark.level, 'zh')} · ${levelLabel(mark.level, 'en')}`
    : levelLabel(mark.level, 'en');
  const mid = ARTWORK_WIDTH / 2;
  const title = `${SCHEME_TITLE} ${mark.number} ${levelLabel(mark.level, 'zh')}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${ARTWORK_WIDTH} ${ARTWORK_HEIGHT}" width="${ARTWORK_WIDTH}" height="${ARTWORK_HEIGHT}" role="img">`,
    `<title>${escapeMarkup(title)}</title>`,
    `<rect width="${ARTWORK_WIDTH}" height="${ARTWORK_HEIGHT}" fill="#fff"/>`,
    `<rect x="12" y="12" width="${ARTWORK_WIDTH - 24}" height="${ARTWORK_HEIGHT - 24}" rx="28" fill="none" stroke="${RED}" stroke-width="10"/>`,
    stars
      ? starRow(stars, mid, 88, 34, 80, GOLD)
      : text(mid, 105, 52, levelLabel(mark.level, 'zh'), `font-weight="bold" fill="${RED}"`),
    text(mid, 160, 28, label, `fill="${RED}"`),
    `<path fill="#000" shape-rendering="crispEdges" d="${qrPath(mark.qr, mid - ARTWORK_QR_SIDE / 2, 180, ARTWORK_QR_SIDE)}"/>`,
    text(mid, 650, 40, mark.number, 'font-weight="bold" letter-spacing="2" fill="#000"'),
    text(mid, 712, 28, SCHEME_TITLE, `textLength="540" lengthAdjust="spacingAndGlyphs" fill="${RED}"`),
    text(mid, 760, 20, '扫码验证真伪 · Scan to verify', 'fill="#555"'),
    '</svg>',
  ].join('\n');
}
