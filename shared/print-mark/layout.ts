/**
 * The print-ready star mark: an emblem with the level's stars, 售后服务认证 and the level, the QR of the star-mark
 * URL, the certificate number, the validity and the issuing body. Every element is a filled shape: text comes in as
 * glyph outlines from the outliner the caller gives (the prepress convention, so no font is needed anywhere), and the
 * same shapes make the SVG, the PDF and the PNG.
 */
import type { StarLevel } from '../scheme';
import { levelLabel, starsFor } from '../scheme';
import { type QrMatrix, qrPath } from '../star-mark/artwork/qr-svg';
import { starPoints } from '../star-mark/artwork/stars';

/** The mark's drawing units: 600 × 800, i.e. tenths of a millimetre at the nominal 60 × 80 mm. */
export const MARK_UNITS = { width: 600, height: 800 } as const;
export const MARK_NOMINAL_MM = { width: 60, height: 80 } as const;
/** The QR's side (quiet zone included) in drawing units: 70 % of the mark's width. */
export const MARK_QR_UNITS = 420;

/**
 * The smallest the mark may be printed: its QR no smaller than MIN_QR_SIDE_MM (quiet zone included), measured by
 * test/integration/documents/print-mark.test.ts — rendered at 300 dpi, blurred and JPEG-compressed at quality 60, it still
 * decodes with an independent decoder. The mark's minimum width follows from the QR's share of it.
 */
export const MIN_QR_SIDE_MM = 20;
export const MIN_MARK_WIDTH_MM = Math.ceil((MIN_QR_SIDE_MM * MARK_UNITS.width) / MARK_QR_UNITS);

export const MARK_COLOURS = { red: '#b71c1c', gold: '#d4a017', black: '#000000', grey: '#555555' } as const;
export type MarkColour = keyof typeof MARK_COLOURS;

export interface Shape {
  d: string;
  fill: MarkColour | 'white';
}

export type Weight = 'regular' | 'bold';

/**
 * Glyph outlines of `text` as one SVG path in drawing units, its baseline at `y`, centred on `x`, at most `maxWidth`
 * wide (narrowed to fit).
 */
export type Outliner = (
  text: string,
  at: { x: number; y: number; size: number; weight: Weight; maxWidth: number },
) => string;

export interface PrintMarkInput {
  number: string;
  level: StarLevel;
  validUntil: string;
  bodyName: { zh: string; en: string };
  qr: QrMatrix;
}

export const MARK_WORDS = { scheme: '售后服务认证', schemeEn: 'AFTER-SALES SERVICE CERTIFIED', valid: '有效期至' };

function roundedFrame(inset: number, radius: number, width: number): string {
  const { width: w, height: h } = MARK_UNITS;
  const outer = (i: number, r: number) =>
    `M${i + r} ${i}H${w - i - r}A${r} ${r} 0 0 1 ${w - i} ${i + r}V${h - i - r}A${r} ${r} 0 0 1 ${w - i - r} ${h - i}` +
    `H${i + r}A${r} ${r} 0 0 1 ${i} ${h - i - r}V${i + r}A${r} ${r} 0 0 1 ${i + r} ${i}Z`;
  // Outer contour clockwise, inner one counter-clockwise: with the non-zero rule the band between them is filled.
  const inner = (i: number, r: number) =>
    `M${i + r} ${i}A${r} ${r} 0 0 0 ${i} ${i + r}V${h - i - r}A${r} ${r} 0 0 0 ${i + r} ${h - i}H${w - i - r}` +
    `A${r} ${r} 0 0 0 ${w - i} ${h - i - r}V${i + r}A${r} ${r} 0 0 0 ${w - i - r} ${i}Z`;
  return outer(inset, radius) + inner(inset + width, radius - width);
}

function starsPath(count: number, cx: number, cy: number, outer: number, gap: number): string {
  const first = cx - ((count - 1) * gap) / 2;
  return Array.from(
    { length: count },
    (_, i) => `M${starPoints(first + i * gap, cy, outer).replaceAll(' ', 'L')}Z`,
  ).join('');
}

export function printMarkShapes(input: PrintMarkInput, outline: Outliner): Shape[] {
  const mid = MARK_UNITS.width / 2;
  const full = MARK_UNITS.width - 80;
  const stars = starsFor(input.level);
  const level = `${levelLabel(input.level, 'zh')} · ${levelLabel(input.level, 'en').toUpperCase()}`;
  const shapes: Shape[] = [
    { d: `M0 0H${MARK_UNITS.width}V${MARK_UNITS.height}H0Z`, fill: 'white' },
    { d: roundedFrame(10, 30, 10), fill: 'red' },
  ];
  if (stars) shapes.push({ d: starsPath(stars, mid, 66, 26, 62), fill: 'gold' });
  else
    shapes.push({
      d: outline(levelLabel(input.level, 'zh'), { x: mid, y: 84, size: 44, weight: 'bold', maxWidth: full }),
      fill: 'red',
    });
  shapes.push(
    { d: outline(MARK_WORDS.scheme, { x: mid, y: 140, size: 46, weight: 'bold', maxWidth: full }), fill: 'red' },
    { d: outline(level, { x: mid, y: 178, size: 24, weight: 'regular', maxWidth: full }), fill: 'red' },
    { d: qrPath(input.qr, mid - MARK_QR_UNITS / 2, 190, MARK_QR_UNITS), fill: 'black' },
    { d: outline(input.number, { x: mid, y: 648, size: 34, weight: 'bold', maxWidth: full }), fill: 'black' },
    {
      d: outline(`${MARK_WORDS.valid} ${input.validUntil}`, {
        x: mid,
        y: 688,
        size: 22,
        weight: 'regular',
        maxWidth: full,
      }),
      fill: 'grey',
    },
    { d: outline(input.bodyName.zh, { x: mid, y: 728, size: 24, weight: 'regular', maxWidth: full }), fill: 'red' },
    { d: outline(input.bodyName.en, { x: mid, y: 758, size: 15, weight: 'regular', maxWidth: full }), fill: 'red' },
  );
  return shapes.filter((s) => s.d);
}

const colour = (fill: Shape['fill']) => (fill === 'white' ? '#ffffff' : MARK_COLOURS[fill]);

/** The SVG: shapes only (no text element, no font), sized at the nominal 60 × 80 mm. */
export function printMarkSvg(shapes: readonly Shape[], title: string): string {
  const { width, height } = MARK_UNITS;
  const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${MARK_NOMINAL_MM.width}mm" height="${MARK_NOMINAL_MM.height}mm">`,
    `<title>${escapeText(title)}</title>`,
    ...shapes.map((s) => `<path fill="${colour(s.fill)}" d="${s.d}"/>`),
    '</svg>',
  ].join('\n');
}

export { colour as markColour };
