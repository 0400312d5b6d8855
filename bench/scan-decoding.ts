/**
 * Scans that work on real packaging: the decode rate of the verify page's photo decoder (the one it uses when the
 * browser has no BarcodeDetector) over a corpus of the project's own marks — the print-ready mark and the star-mark
 * artwork, real signed URLs — drawn so that their QR is 90–180 px wide, blurred (σ 0–1.0) and JPEG-compressed at
 * quality 60, side by side with an independent decoder (ZXing-C++ as zxing-wasm, test/support/qr-decode.ts). A read
 * counts only when it is the mark's URL exactly.
 */
import { decodeQr } from '../test/support/qr-decode';
import { BLUR_SIGMAS, openScanLab, QR_SIDES_PX } from './scan/lab';
import { corpusMarks } from './scan/marks';
import { type BenchRow, verdict } from './table';

export interface SizeRates {
  qrPx: number;
  images: number;
  page: number;
  independent: number;
}

export async function scanRates(options: { certificates: number }): Promise<SizeRates[]> {
  const marks = await corpusMarks(options.certificates);
  const lab = await openScanLab();
  try {
    const rates: SizeRates[] = [];
    for (const qrPx of QR_SIDES_PX) {
      const rate: SizeRates = { qrPx, images: 0, page: 0, independent: 0 };
      for (const mark of marks)
        for (const sigma of BLUR_SIGMAS) {
          const jpeg = await lab.photo(mark, qrPx, sigma);
          rate.images++;
          if ((await lab.decodeWithPage(jpeg)) === mark.url) rate.page++;
          if ((await decodeQr(jpeg)).includes(mark.url)) rate.independent++;
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
    figure: `page ${share(r.page, r.images)} · zxing-wasm ${share(r.independent, r.images)}`,
    verdict: 'info',
  }));
  const page = rates.reduce((n, r) => n + r.page, 0);
  const independent = rates.reduce((n, r) => n + r.independent, 0);
  const images = rates.reduce((n, r) => n + r.images, 0);
  rows.push({
    area: 'scan',
    measure: 'photo decode rate over the corpus: the page ÷ the independent decoder',
    figure: `${share(page, images)} vs ${share(independent, images)}`,
    goal: '≥ the independent decoder',
    verdict: verdict(page >= independent),
    note: `${options.certificates * 2} marks (print-ready and artwork, real signed URLs) × ${QR_SIDES_PX.length} sizes × ${BLUR_SIGMAS.length} blurs; page decoder without BarcodeDetector, in Chromium`,
  });
  return rows;
}
