/**
 * The certificate as a PDF: A4 portrait, print-ready, every field of the certificate document (shared/
 * certificate-document) bilingual, the QR of the star-mark URL drawn as vector modules, and the fonts embedded as
 * subsets (font-subset.ts) of the shipped Noto Sans SC (fonts.ts). Deterministic: the same certificate at the same moment gives the
 * same bytes on any host (dates in the file come from the certificate, subset names from the characters used).
 */
import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import {
  type Bilingual,
  bodyLines,
  type CertificateDocument,
  certificateFields,
  DEMO_NOTICE,
} from '../../shared/certificate-document';
import { type QrMatrix, qrPath } from '../../shared/star-mark/artwork/qr-svg';
import { starPoints } from '../../shared/star-mark/artwork/stars';
import { subsetFont } from './font-subset';
import { type DocumentWeight, documentFont } from './fonts';
import { wrapText } from './pdf-text';

const MM = 72 / 25.4;
export const A4 = { width: 210 * MM, height: 297 * MM };
/** The QR's printed side on the certificate, quiet zone included: 38 mm, far above the mark's minimum. */
export const CERTIFICATE_QR_MM = 38;

const RED = rgb(0.718, 0.11, 0.11);
const GOLD = rgb(0.831, 0.627, 0.09);
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.4, 0.4, 0.4);

/** The PDF convention for an embedded subset: six capitals and `+`, here derived from the characters it holds. */
function subsetName(base: string, text: string): string {
  const digest = createHash('sha256')
    .update(base)
    .update([...new Set(text)].sort().join(''))
    .digest();
  const tag = [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  return `${tag}+${base}`;
}

/** Every string the page will draw, so that each font's subset is named after what it holds. */
function textsOf(d: CertificateDocument): { regular: string; bold: string } {
  const values = certificateFields(d).flatMap((f) => [
    f.label.zh,
    f.label.en,
    ...(typeof f.value === 'string' ? [f.value] : [f.value.zh, f.value.en]),
  ]);
  const body = bodyLines(d).flatMap((l) => [l.zh, l.en]);
  const regular = [
    d.title.en,
    d.holder.nameEn ?? '',
    ...values,
    ...body,
    d.verification.note.zh,
    d.verification.note.en,
    d.verification.lookupUrl,
    DEMO_NOTICE.zh,
    DEMO_NOTICE.en,
    '扫码验证 Scan to verify',
  ];
  return { regular: regular.join(''), bold: [d.title.zh, d.holder.name, d.number, d.level.name.zh].join('') };
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

class Writer {
  y: number;
  constructor(
    readonly page: PDFPage,
    readonly fonts: Fonts,
  ) {
    this.y = A4.height - 28 * MM;
  }

  centred(text: string, size: number, weight: DocumentWeight = 'regular', color = INK): void {
    const font = this.fonts[weight];
    for (const line of wrapText(text, font, size, A4.width - 50 * MM)) {
      const width = font.widthOfTextAtSize(line, size);
      this.page.drawText(line, { x: (A4.width - width) / 2, y: this.y, size, font, color });
      this.y -= size * 1.35;
    }
  }

  /** Label (zh over en) in the left column, the value beside it; returns nothing, moves down past the taller. */
  field(label: Bilingual, value: string | Bilingual, x: number, labelWidth: number, valueWidth: number): void {
    const { regular } = this.fonts;
    const top = this.y;
    let left = top;
    for (const [text, size, color] of [
      [label.zh, 10.5, INK],
      [label.en, 7.5, GREY],
    ] as const) {
      for (const line of wrapText(text, regular, size, labelWidth)) {
        this.page.drawText(line, { x, y: left, size, font: regular, color });
        left -= size * 1.3;
      }
    }
    let right = top;
    const values: [string, number, typeof INK][] =
      typeof value === 'string'
        ? [[value, 10.5, INK]]
        : [
            [value.zh, 10.5, INK],
            [value.en, 8, GREY],
          ];
    for (const [text, size, color] of values) {
      for (const line of wrapText(text, regular, size, valueWidth)) {
        this.page.drawText(line, { x: x + labelWidth + 4 * MM, y: right, size, font: regular, color });
        right -= size * 1.3;
      }
    }
    this.y = Math.min(left, right) - 2.2 * MM;
  }
}

function drawFrame(page: PDFPage): void {
  const m = 10 * MM;
  page.drawRectangle({
    x: m,
    y: m,
    width: A4.width - 2 * m,
    height: A4.height - 2 * m,
    borderColor: RED,
    borderWidth: 2.2,
  });
  const n = 12.5 * MM;
  page.drawRectangle({
    x: n,
    y: n,
    width: A4.width - 2 * n,
    height: A4.height - 2 * n,
    borderColor: GOLD,
    borderWidth: 0.8,
  });
}

function drawStars(page: PDFPage, count: number, centreY: number): void {
  if (!count) return;
  const gap = 9 * MM;
  const first = A4.width / 2 - ((count - 1) * gap) / 2;
  for (let i = 0; i < count; i++) {
    // The points are in a y-down frame centred on 0,0; drawSvgPath puts that origin at (x, y).
    const path = `M${starPoints(0, 0, 3.8 * MM).replaceAll(' ', 'L')}Z`;
    page.drawSvgPath(path, { x: first + i * gap, y: centreY, color: GOLD });
  }
}

/** The QR as one filled path (no seams between modules), its quiet zone white, `side` points square at (x, y). */
function drawQr(page: PDFPage, qr: QrMatrix, x: number, y: number, side: number): void {
  page.drawRectangle({ x, y, width: side, height: side, color: rgb(1, 1, 1) });
  page.drawSvgPath(qrPath(qr, 0, 0, side), { x, y: y + side, color: rgb(0, 0, 0) });
}

export async function certificatePdf(d: CertificateDocument, qr: QrMatrix): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const texts = textsOf(d);
  const embed = async (weight: DocumentWeight, base: string, text: string) =>
    pdf.embedFont(await subsetFont(documentFont(weight), text), { subset: false, customName: subsetName(base, text) });
  const fonts: Fonts = {
    regular: await embed('regular', 'NotoSansSC-Regular', texts.regular),
    bold: await embed('bold', 'NotoSansSC-Bold', texts.bold),
  };
  const issued = new Date(`${d.issuedOn}T00:00:00+08:00`);
  pdf.setTitle(`${d.title.zh} ${d.number}`);
  pdf.setSubject(`${d.standard.code} ${d.holder.name}`);
  pdf.setAuthor(d.body.name.zh);
  pdf.setCreator('starmark');
  pdf.setProducer('starmark');
  pdf.setLanguage('zh-CN');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);

  const page = pdf.addPage([A4.width, A4.height]);
  drawFrame(page);
  const w = new Writer(page, fonts);
  w.centred(d.title.zh, 22, 'bold', RED);
  w.centred(d.title.en, 11, 'regular', RED);
  if (d.demo) {
    w.y -= 1 * MM;
    w.centred(DEMO_NOTICE.zh, 9.5, 'regular', RED);
    w.centred(DEMO_NOTICE.en, 8, 'regular', RED);
  }
  w.y -= 4 * MM;
  drawStars(page, d.level.stars, w.y);
  w.y -= d.level.stars ? 9 * MM : 0;
  w.centred(d.holder.name, 17, 'bold');
  if (d.holder.nameEn) w.centred(d.holder.nameEn, 10, 'regular', GREY);
  w.y -= 5 * MM;

  const x = 24 * MM;
  for (const f of certificateFields(d)) w.field(f.label, f.value, x, 34 * MM, A4.width - 2 * x - 38 * MM);

  // Bottom band: the body on the left, the QR on the right.
  const qrSide = CERTIFICATE_QR_MM * MM;
  const qrX = A4.width - 22 * MM - qrSide;
  const qrY = 30 * MM;
  drawQr(page, qr, qrX, qrY, qrSide);
  const caption = '扫码验证 Scan to verify';
  const captionWidth = fonts.regular.widthOfTextAtSize(caption, 8);
  page.drawText(caption, {
    x: qrX + (qrSide - captionWidth) / 2,
    y: qrY - 4 * MM,
    size: 8,
    font: fonts.regular,
    color: GREY,
  });

  let y = qrY + qrSide - 3 * MM;
  const bodyWidth = qrX - x - 6 * MM;
  for (const line of bodyLines(d)) {
    for (const [text, size, color] of [
      [line.zh, 9, INK],
      [line.en, 7, GREY],
    ] as const) {
      for (const part of wrapText(text, fonts.regular, size, bodyWidth)) {
        page.drawText(part, { x, y, size, font: fonts.regular, color });
        y -= size * 1.3;
      }
    }
    y -= 0.8 * MM;
  }
  y = qrY - 4 * MM;
  for (const [text, size] of [
    [d.verification.note.zh, 8],
    [d.verification.note.en, 7],
    [d.verification.lookupUrl, 7],
  ] as const) {
    for (const part of wrapText(text, fonts.regular, size, A4.width - 2 * x - qrSide - 6 * MM)) {
      page.drawText(part, { x, y, size, font: fonts.regular, color: GREY });
      y -= size * 1.3;
    }
  }
  return await pdf.save({ useObjectStreams: false });
}
