/**
 * The scan corpus's page (bundled by bench/scan/lab.ts, run in Chromium): draws a mark's SVG at a size, blurs it
 * with a Gaussian of standard deviation σ pixels and compresses it as JPEG at quality 60 — what a phone sees of a
 * small printed mark — and decodes such a photo with the verify page's own photo decoder (web/src/verify/scanner.ts,
 * as the page runs it when the browser has no BarcodeDetector). The blur is computed here, not by the canvas's
 * filter: Chromium's canvas leaves a blur(σ) below one pixel undone.
 */
import { decodeImageFile } from '../../web/src/verify/scanner';

/** A separable Gaussian blur of the pixels in place, edges clamped (paper continues past the mark's edge). */
function gaussianBlur(image: ImageData, sigma: number): void {
  const radius = Math.ceil(3 * sigma);
  const weights = Array.from({ length: 2 * radius + 1 }, (_, i) =>
    Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const kernel = weights.map((w) => w / total);
  const { width, height, data } = image;
  const pass = (from: Uint8ClampedArray, to: Uint8ClampedArray, dx: number, dy: number) => {
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let k = -radius; k <= radius; k++) {
            const xx = Math.min(width - 1, Math.max(0, x + k * dx));
            const yy = Math.min(height - 1, Math.max(0, y + k * dy));
            sum += (kernel[k + radius] ?? 0) * (from[(yy * width + xx) * 4 + c] ?? 0);
          }
          to[(y * width + x) * 4 + c] = sum;
        }
  };
  const across = new Uint8ClampedArray(data);
  pass(data, across, 1, 0);
  pass(across, data, 0, 1);
}

async function photo(svg: string, width: number, height: number, sigma: number): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d canvas');
    // Paper under the drawing: a transparent pixel would turn black in the JPEG.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    if (sigma > 0) {
      const pixels = context.getImageData(0, 0, width, height);
      gaussianBlur(pixels, sigma);
      context.putImageData(pixels, 0, 0);
    }
    return canvas.toDataURL('image/jpeg', 0.6);
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function decodeWithPage(jpegDataUrl: string): Promise<string | null> {
  const blob = await (await fetch(jpegDataUrl)).blob();
  return decodeImageFile(new File([blob], 'photo.jpg', { type: 'image/jpeg' }));
}

(window as unknown as { scanCorpus: unknown }).scanCorpus = { photo, decodeWithPage };
