/**
 * The print-ready star mark of a certificate as SVG (text as glyph outlines), PDF (vector, at the nominal size) and
 * PNG (300 or 600 dpi). Outlines come from the shipped Noto Sans SC through fontkit, so no renderer ever needs a font.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { Certificate } from '../../shared/model';
import {
  MARK_NOMINAL_MM,
  MARK_UNITS,
  type Outliner,
  printMarkShapes,
  printMarkSvg,
  type Shape,
  type Weight,
} from '../../shared/print-mark';
import type { Deps } from '../service/deps';
import { currentMark } from '../signing/artwork/artwork';
import { svgToPng } from '../signing/artwork/png';
import { qrMatrix } from '../signing/artwork/qr';
import { documentFont } from './fonts';

/** What fontkit gives at run time beyond its declared types: paths transform. */
interface TransformablePath {
  scale(x: number, y: number): TransformablePath;
  translate(x: number, y: number): TransformablePath;
  toSVG(): string;
}
interface LaidOutGlyph {
  path: unknown;
}
interface OutlineFont {
  unitsPerEm: number;
  layout(text: string): { glyphs: LaidOutGlyph[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
}

const faces = new Map<Weight, OutlineFont>();
function face(weight: Weight): OutlineFont {
  let font = faces.get(weight);
  if (!font) {
    font = fontkit.create(documentFont(weight) as Buffer) as unknown as OutlineFont;
    faces.set(weight, font);
  }
  return font;
}

const round = (s: string) => s.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100));

/** Glyph outlines, centred, narrowed to `maxWidth`: the Outliner the layout takes. */
export const glyphOutliner: Outliner = (text, { x, y, size, weight, maxWidth }) => {
  const font = face(weight);
  const run = font.layout(text);
  const width = run.positions.reduce((sum, p) => sum + p.xAdvance, 0);
  const scale = size / font.unitsPerEm;
  const squeeze = Math.min(1, maxWidth / (width * scale || 1));
  let pen = x - (width * scale * squeeze) / 2;
  const parts: string[] = [];
  run.glyphs.forEach((glyph, i) => {
    const p = run.positions[i];
    if (!p) return;
    const path = (glyph.path as TransformablePath)
      .scale(scale * squeeze, -scale)
      .translate(pen + p.xOffset * scale * squeeze, y - p.yOffset * scale);
    parts.push(path.toSVG());
    pen += p.xAdvance * scale * squeeze;
  });
  return round(parts.join(''));
};

export async function printMarkShapesOf(deps: Deps, certificate: Certificate): Promise<Shape[]> {
  const { url } = await currentMark(deps, certificate);
  return printMarkShapes(
    {
      number: certificate.number,
      level: certificate.level,
      validUntil: certificate.validUntil,
      bodyName: deps.config.certificationBody.name,
      qr: qrMatrix(url),
    },
    glyphOutliner,
  );
}

const titleOf = (c: Certificate) => `售后服务认证 ${c.number}`;

export async function printMarkSvgOf(deps: Deps, certificate: Certificate): Promise<string> {
  return printMarkSvg(await printMarkShapesOf(deps, certificate), titleOf(certificate));
}

export const PRINT_MARK_DPIS = [300, 600] as const;
export type PrintMarkDpi = (typeof PRINT_MARK_DPIS)[number];

/** The PNG at the nominal size and `dpi`, marked with it (pHYs). */
export async function printMarkPngOf(deps: Deps, certificate: Certificate, dpi: PrintMarkDpi): Promise<Buffer> {
  const widthPx = Math.round((MARK_NOMINAL_MM.width / 25.4) * dpi);
  return svgToPng(await printMarkSvgOf(deps, certificate), widthPx, dpi);
}

const PDF_COLOURS = {
  white: rgb(1, 1, 1),
  red: rgb(0.718, 0.11, 0.11),
  gold: rgb(0.831, 0.627, 0.09),
  black: rgb(0, 0, 0),
  grey: rgb(0.333, 0.333, 0.333),
} as const;

/** The PDF: one page of the nominal size, the same shapes as vectors. */
export async function printMarkPdfOf(deps: Deps, certificate: Certificate): Promise<Uint8Array> {
  const shapes = await printMarkShapesOf(deps, certificate);
  const pdf = await PDFDocument.create();
  const pt = (mm: number) => (mm * 72) / 25.4;
  const page = pdf.addPage([pt(MARK_NOMINAL_MM.width), pt(MARK_NOMINAL_MM.height)]);
  const scale = pt(MARK_NOMINAL_MM.width) / MARK_UNITS.width;
  for (const s of shapes) page.drawSvgPath(s.d, { x: 0, y: page.getHeight(), scale, color: PDF_COLOURS[s.fill] });
  const issued = new Date(certificate.issuedAt);
  pdf.setTitle(titleOf(certificate));
  pdf.setCreator('starmark');
  pdf.setProducer('starmark');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  return pdf.save({ useObjectStreams: false });
}
