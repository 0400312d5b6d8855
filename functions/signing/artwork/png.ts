/**
 * SVG to PNG at print resolution with resvg (a native renderer shipped in the npm package). Text needs a CJK font:
 * the host's system fonts are used, plus any files in STAR_MARK_FONT_DIR (on Lambda, which has no CJK font, a layer
 * or the bundle must provide one). The PNG carries a pHYs chunk saying 300 dpi, so print software sizes it right.
 */
import { crc32 } from 'node:zlib';

export const PRINT_DPI = 300;
/** 1500 px at 300 dpi: 127 mm wide, comfortably above what packaging prints a mark at. */
export const PRINT_WIDTH_PX = 1500;

export async function svgToPng(svg: string, widthPx = PRINT_WIDTH_PX): Promise<Buffer> {
  // Loaded on first use: the native renderer is for the PNG route only, not every cold start of every function.
  const { Resvg } = await import('@resvg/resvg-js');
  const fontDir = process.env.STAR_MARK_FONT_DIR;
  const rendered = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: '#ffffff',
    font: { loadSystemFonts: true, ...(fontDir ? { fontDirs: [fontDir] } : {}), defaultFontFamily: 'Noto Sans CJK SC' },
  }).render();
  return withDpi(rendered.asPng(), PRINT_DPI);
}

/** Inserts a pHYs chunk (pixels per metre, both axes) right after IHDR, where the PNG specification wants it. */
export function withDpi(png: Buffer, dpi: number): Buffer {
  const IHDR_END = 8 + 4 + 4 + 13 + 4;
  if (png.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('not a PNG');
  const perMetre = Math.round(dpi / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data.writeUInt8(1, 8);
  const type = Buffer.from('pHYs', 'latin1');
  const chunk = Buffer.alloc(4 + 4 + 9 + 4);
  chunk.writeUInt32BE(9, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 17);
  return Buffer.concat([png.subarray(0, IHDR_END), chunk, png.subarray(IHDR_END)]);
}
