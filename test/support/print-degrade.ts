/** What a print and a phone camera do to an image, roughly: a blur, then JPEG compression. */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** A box blur of `radius` pixels, then JPEG at `quality`: the bytes of the JPEG. */
export function blurredJpeg(png: Buffer, radius: number, quality: number): Buffer {
  const image = PNG.sync.read(png);
  const { width, height, data } = image;
  const out = Buffer.alloc(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const yy = Math.min(height - 1, Math.max(0, y + dy));
          const xx = Math.min(width - 1, Math.max(0, x + dx));
          const i = (yy * width + xx) * 4;
          r += data[i] ?? 0;
          g += data[i + 1] ?? 0;
          b += data[i + 2] ?? 0;
          n++;
        }
      }
      const o = (y * width + x) * 4;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
      out[o + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ data: out, width, height }, quality).data);
}
