/**
 * An independent QR decoder for tests: ZXing-C++ compiled to WebAssembly (zxing-wasm), not the jsQR the pages use
 * nor the qrcode package that drew the symbol. It decodes image files (PNG, JPEG) as a phone camera app would.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

let ready: Promise<unknown> | undefined;

function prepare(): Promise<unknown> {
  // The package fetches its .wasm from a CDN by default; the installed copy is handed over instead.
  const entry = dirname(createRequire(import.meta.url).resolve('zxing-wasm/reader'));
  const wasmBinary = readFileSync(join(entry, '../../reader/zxing_reader.wasm'));
  ready ??= prepareZXingModule({
    overrides: {
      wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.length),
    },
    fireImmediately: true,
  });
  return ready;
}

/** The texts of every valid QR symbol found in an image file (PNG or JPEG bytes). */
export async function decodeQr(image: Uint8Array): Promise<string[]> {
  await prepare();
  const results = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 4 });
  return results.filter((r) => r.isValid).map((r) => r.text);
}
