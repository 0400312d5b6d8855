/**
 * Scans that work on real packaging: the decode rate of the verify page's photo decoder (the one it uses when the
 * browser has no BarcodeDetector: zxing-wasm through the page's own code, in Chromium) over a corpus of the
 * project's own marks — the print-ready mark and the star-mark artwork, real signed URLs — drawn so that their QR is
 * 90–180 px wide, blurred (σ 0–1.0) and JPEG-compressed at quality 60, side by side with two decoders run on the
 * JPEG bytes in Node: ZXing-C++ as zxing-wasm (test/support/qr-decode.ts) and jsQR, the page's decoder before it
 * switched. A read counts only when it is the mark's URL exactly.
 */
import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { decodeQr } from '../test/support/qr-decode';
import { BLUR_SIGMAS, openScanLab, QR_SIDES_PX } from './scan/lab';
import { corpusMarks } from './scan/marks';
import { type BenchRow, verdict } from './table';

export interface SizeRates {
  qrPx: number;
  images: number;
  page: number;
  zxing: number;
  jsqr: number;
}

function readWithJsQr(photo: Buffer): string | null {
  const { data, width, height } = jpeg.decode(photo, { useTArray: true });
  return (
    jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width, height, {
      inversionAttempts: 'attemptBoth',
    })?.data ?? null
  );
}

export async function scanRates(options: { certificates: number }): Promise<SizeRates[]> {
  const marks = await corpusMarks(options.certificates);
  const lab = await openScanLab();
  try {
    const rates: SizeRates[] = [];
    for (const qrPx of QR_SIDES_PX) {
      const rate: SizeRates = { qrPx, images: 0, page: 0, zxing: 0, jsqr: 0 };
      for (const mark of marks)
        for (const sigma of BLUR_SIGMAS) {
          const photo = await lab.photo(mark, qrPx, sigma);
          rate.images++;
          if ((await lab.decodeWithPage(photo)) === mark.url) rate.page++;
          if ((await decodeQr(photo)).includes(mark.url)) rate.zxing++;
          if (readWithJsQr(photo) === mark.url) rate.jsqr++;
        }
      rates.push(rate);
    }
    return rates;
  } finally {
    await lab.close();
  }
}

const share = (n: number, of: number) => `${n}/${of} (${Math.round((100 * n) / of)}%)`;

export async function scanRows(options: { certificates: number }): Promise<BenchRow[]> {
  const rates = await scanRates(options);
  const rows: BenchRow[] = rates.map((r) => ({
    area: 'scan',
    measure: `photo decode rate, QR ${r.qrPx} px wide, σ ${BLUR_SIGMAS.join('/')} px, JPEG q 60`,
    figure: `page ${share(r.page, r.images)} · zxing-wasm ${share(r.zxing, r.images)} · jsQR ${share(r.jsqr, r.images)}`,
    verdict: 'info',
  }));
  const sum = (key: 'page' | 'zxing' | 'jsqr' | 'images') => rates.reduce((n, r) => n + r[key], 0);
  const images = sum('images');
  const best = Math.max(sum('zxing'), sum('jsqr'));
  rows.push({
    area: 'scan',
    measure: 'photo decode rate over the corpus: the page, zxing-wasm, jsQR',
    figure: `${share(sum('page'), images)} · ${share(sum('zxing'), images)} · ${share(sum('jsqr'), images)}`,
    goal: '≥ the better of the other two',
    verdict: verdict(sum('page') >= best),
    note: `${options.certificates * 2} marks (print-ready and artwork, real signed URLs) × ${QR_SIDES_PX.length} sizes × ${BLUR_SIGMAS.length} blurs; the page's decoder without BarcodeDetector, in Chromium; the others on the JPEG bytes in Node`,
  });
  return rows;
}
