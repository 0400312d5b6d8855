/**
 * SVG to PNG at print resolution with resvg compiled to WebAssembly: the same bytes run on this machine, on CI and
 * on Lambda (arm64), so nothing platform-specific is installed at build time and every host renders alike. Text is
 * drawn with the fonts shipped beside the code (fonts.ts), never with system fonts. The PNG carries a pHYs chunk
 * saying 300 dpi, so print software sizes it right.
 */
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { resvgWasmPath } from './assets';
import { ARTWORK_FONT_FAMILY, artworkFonts } from './fonts';

export const PRINT_DPI = 300;
/** 1500 px at 300 dpi: 127 mm wide, comfortably above what packaging prints a mark at. */
export const PRINT_WIDTH_PX = 1500;

type Resvg = typeof import('@resvg/resvg-wasm');
let renderer: Promise<Resvg> | undefined;

/** Loaded on first use: the renderer is for the PNG route only, not every cold start of every function. */
function resvg(): Promise<Resvg> {
  renderer ??= (async () => {
    const module = await import('@resvg/resvg-wasm');
    await module.initWasm(readFileSync(resvgWasmPath()));
    return module;
  })();
  return renderer;
}

export async function svgToPng(svg: string, widthPx = PRINT_WIDTH_PX, dpi = PRINT_DPI): Promise<Buffer> {
  const { Resvg } = await resvg();
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: '#ffffff',
    font: { fontBuffers: artworkFonts(), defaultFontFamily: ARTWORK_FONT_FAMILY, sansSerifFamily: ARTWORK_FONT_FAMILY },
  });
  try {
    return withDpi(Buffer.from(image.render().asPng()), dpi);
  } finally {
    image.free();
  }
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
