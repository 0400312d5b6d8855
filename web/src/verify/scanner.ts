/**
 * Reading a QR code in the page. Loaded only when the visitor asks to scan (a lazy chunk), and the fallback decoder
 * — ZXing-C++ as WebAssembly (zxing-wasm), served from the site itself — only when the browser has no
 * BarcodeDetector (a second lazy chunk and its .wasm), so neither weighs on the first load. ZXing rather than jsQR:
 * on photos of small, blurred, JPEG-compressed marks it reads far more (`npm run bench`, the scan rows).
 *
 * - Camera: getUserMedia (rear camera), frames decoded a few times a second until a code is read.
 * - Photo: a file from <input type=file accept=image/* capture>, for phones or browsers that block the camera.
 */
import { h } from '../common/dom';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource | ImageBitmap | Blob): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?(): Promise<string[]>;
}

type Decoder = (source: HTMLVideoElement | ImageBitmap) => Promise<string | null>;

/** The site path of the decoder's WebAssembly, written in by the build (web/build.ts). */
declare const __QR_DECODER_WASM__: string;

let nativeDetector: Promise<BarcodeDetectorLike | null> | null = null;

function barcodeDetector(): Promise<BarcodeDetectorLike | null> {
  nativeDetector ??= (async () => {
    const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
    if (!Detector) return null;
    try {
      const formats = (await Detector.getSupportedFormats?.()) ?? ['qr_code'];
      return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
    } catch {
      return null;
    }
  })();
  return nativeDetector;
}

/** Whether the decoder in use is the browser's own (true) or the ZXing fallback (false); for tests and diagnostics. */
export async function usesNativeDetector(): Promise<boolean> {
  return (await barcodeDetector()) !== null;
}

function sizeOf(source: HTMLVideoElement | ImageBitmap): [number, number] {
  return source instanceof HTMLVideoElement ? [source.videoWidth, source.videoHeight] : [source.width, source.height];
}

/** Draws the source scaled so its longer side is at most `max` pixels, and returns its pixels. */
function pixels(source: HTMLVideoElement | ImageBitmap, max: number): ImageData | null {
  const [w, h0] = sizeOf(source);
  if (!w || !h0) return null;
  const scale = Math.min(1, max / Math.max(w, h0));
  const width = Math.max(1, Math.round(w * scale));
  const height = Math.max(1, Math.round(h0 * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

async function decoder(forPhoto: boolean): Promise<Decoder> {
  const native = await barcodeDetector();
  if (native) {
    return async (source) => {
      const codes = await native.detect(source);
      return codes[0]?.rawValue ?? null;
    };
  }
  const zxing = await import('zxing-wasm/reader');
  await zxing.prepareZXingModule({
    // The module would fetch its .wasm from a CDN: the build's own copy is used, so it works offline and under CSP.
    overrides: {
      locateFile: (file: string, prefix: string) => (file.endsWith('.wasm') ? __QR_DECODER_WASM__ : prefix + file),
    },
    fireImmediately: true,
  });
  return async (source) => {
    // A photo may be large and the code small in it: the full size first, then larger. A video frame: one, quick.
    const sizes = forPhoto ? [1200, 1800] : [720];
    for (const size of sizes) {
      const image = pixels(source, size);
      if (!image) return null;
      const codes = await zxing.readBarcodes(image, {
        formats: ['QRCode'],
        tryHarder: forPhoto,
        maxNumberOfSymbols: 1,
      });
      const text = codes.find((c) => c.isValid)?.text;
      if (text) return text;
      // Nothing larger to try: a photo smaller than the first size was read at its own size already.
      if (Math.max(...sizeOf(source)) <= size) break;
    }
    return null;
  };
}

/** The text of the QR code in an image file, or null when none can be read. */
export async function decodeImageFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    return await (await decoder(true))(bitmap);
  } finally {
    bitmap.close();
  }
}

export interface CameraSession {
  stop(): void;
}

/**
 * Opens the rear camera inside `host` and calls `onText` with each code read; scanning ends when it returns true
 * (or on stop()). Rejects when there is no camera or the visitor refuses it.
 */
export async function startCamera(host: HTMLElement, onText: (text: string) => boolean): Promise<CameraSession> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera API');
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: { ideal: 'environment' } },
    audio: false,
  });
  const video = h('video', {
    class: 'scanner-video',
    playsinline: true,
    muted: true,
    autoplay: true,
    'aria-hidden': 'true',
  });
  video.muted = true;
  video.srcObject = stream;
  const frame = h(
    'div',
    { class: 'scanner-frame' },
    video,
    h('span', { class: 'scanner-window', 'aria-hidden': 'true' }),
  );
  host.appendChild(frame);
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (timer) clearTimeout(timer);
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
    frame.remove();
  };
  try {
    await video.play();
  } catch {
    // autoplay policies: frames still arrive for decoding once the stream runs
  }
  const decode = await decoder(false);
  const tick = async () => {
    if (stopped) return;
    try {
      if (video.readyState >= 2) {
        const text = await decode(video);
        if (text && !stopped && onText(text)) return stop();
      }
    } catch {
      // a frame that cannot be read: try the next one
    }
    if (!stopped) timer = setTimeout(() => void tick(), 200);
  };
  void tick();
  return { stop };
}
