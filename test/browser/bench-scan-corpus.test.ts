/**
 * The scan corpus (bench/scan) makes what the bench says it measures: JPEG photos of the project's own marks whose
 * QR is the asked number of pixels wide, blurred more as σ grows, that decode to the mark's URL at the largest size
 * with the independent decoder and with the verify page's own photo decoder.
 */
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScanLab, QR_SIDES_PX, type ScanLab } from '../../bench/scan/lab';
import { type CorpusMark, corpusMarks } from '../../bench/scan/marks';
import { decodeQr } from '../support/qr-decode';

let lab: ScanLab;
let marks: CorpusMark[];
beforeAll(async () => {
  [lab, marks] = await Promise.all([openScanLab(), corpusMarks(1)]);
}, 60_000);
afterAll(() => lab?.close());

/** Mean absolute difference between neighbouring pixels of the red channel: what a blur takes away. */
function sharpness(photo: Buffer): number {
  const { data, width, height } = jpeg.decode(photo);
  let sum = 0;
  for (let y = 0; y < height; y++)
    for (let x = 1; x < width; x++) sum += Math.abs(data[(y * width + x) * 4]! - data[(y * width + x - 1) * 4]!);
  return sum / (width * height);
}

describe('the scan corpus', () => {
  it("draws both of the project's marks so that their QR is the asked width", async () => {
    expect(marks.map((m) => m.name.split(' ')[0])).toEqual(['print-mark', 'star-mark']);
    for (const mark of marks) {
      const { width, height } = jpeg.decode(await lab.photo(mark, 120, 0));
      expect(Math.round((width * mark.qrSide) / mark.width)).toBe(120);
      expect(height / width).toBeCloseTo(mark.height / mark.width, 2);
    }
  });

  it("makes photos that both decoders read as the mark's URL at the largest size, unblurred", async () => {
    const largest = Math.max(...QR_SIDES_PX);
    for (const mark of marks) {
      const photo = await lab.photo(mark, largest, 0);
      expect(await decodeQr(photo)).toContain(mark.url);
      expect(await lab.decodeWithPage(photo)).toBe(mark.url);
    }
  }, 60_000);

  it('blurs more as σ grows', async () => {
    const [mark] = marks;
    const s = await Promise.all([0, 0.5, 1].map(async (sigma) => sharpness(await lab.photo(mark!, 150, sigma))));
    expect(s[1]).toBeLessThan(s[0]!);
    expect(s[2]).toBeLessThan(s[1]!);
  });
});
