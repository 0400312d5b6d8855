/**
 * The scan card: read a star mark's QR with the camera or from a photo, and go to its verdict. The decoder is
 * imported only when asked for, so it stays out of the page's first load. The camera and the last message outlive a
 * re-render (a language switch), which is why they live here and not in render().
 */
import { tokenFromStarMarkUrl } from '../../../shared/star-mark/url';
import { h, hl } from '../common/dom';
import { t } from '../common/i18n';
import { cameraIcon, photoIcon } from './icons';
import { M } from './messages';
import type { Navigate } from './page';
import { looksLikeToken } from './signature';

type Say = (msg: (() => string) | null) => void;

export interface ScanPanel {
  /** Stops any camera still running and draws the card afresh. */
  render(): HTMLElement;
  stop(): void;
}

export function scanPanel(navigate: Navigate): ScanPanel {
  let camera: { stop(): void } | null = null;
  let scanMessage: (() => string) | null = null;

  const render = () => {
    camera?.stop();
    camera = null;
    const scannerHost = h('div', { class: 'scanner' });
    const message = h(
      'p',
      { class: 'scan-message', role: 'status', 'aria-live': 'polite' },
      scanMessage ? scanMessage() : '',
    );
    const say: Say = (msg) => {
      scanMessage = msg;
      message.textContent = msg ? msg() : '';
    };
    const loadScanner = () =>
      import('./scanner').catch((error: unknown) => {
        say(() => t(M.scanFailed));
        throw error;
      });

    const cameraButton: HTMLButtonElement = hl(
      'button',
      { type: 'button', class: 'button button-primary button-wide', 'aria-controls': 'scanner' },
      {
        click: async () => {
          if (camera) {
            camera.stop();
            camera = null;
            cameraButton.textContent = t(M.scanCamera);
            say(null);
            return;
          }
          say(() => t(M.scanStarting));
          try {
            const scanner = await loadScanner();
            camera = await scanner.startCamera(scannerHost, (text) => scanned(text, say, navigate));
            cameraButton.textContent = t(M.scanStop);
            say(() => t(M.scanHint));
          } catch {
            camera = null;
            say(() => t(M.scanNoCamera));
          }
        },
      },
      cameraIcon(),
      t(M.scanCamera),
    );

    const photoInput = hl(
      'input',
      { id: 'photo', type: 'file', accept: 'image/*', capture: 'environment', class: 'visually-hidden' },
      {
        change: async () => {
          const file = photoInput.files?.[0];
          photoInput.value = '';
          if (!file) return;
          say(() => t(M.scanDecoding));
          try {
            const scanner = await loadScanner();
            const text = await scanner.decodeImageFile(file);
            if (!text) return say(() => t(M.scanNoCode));
            scanned(text, say, navigate);
          } catch {
            say(() => t(M.scanNoCode));
          }
        },
      },
    );

    return h(
      'section',
      { class: 'card scan-card', 'aria-labelledby': 'scan-heading' },
      h('h1', { id: 'scan-heading', class: 'section-title' }, t(M.scanTitle)),
      h('p', { class: 'lead' }, t(M.scanIntro)),
      h(
        'div',
        { class: 'scan-actions' },
        cameraButton,
        photoInput,
        h('label', { for: 'photo', class: 'button button-wide' }, photoIcon(), t(M.scanPhoto)),
      ),
      h('div', { id: 'scanner' }, scannerHost),
      message,
    );
  };
  return { render, stop: () => camera?.stop() };
}

/** A code read by the camera or from a photo. Returns true when scanning should stop. */
function scanned(text: string, say: Say, navigate: Navigate): boolean {
  const token = tokenFromStarMarkUrl(text);
  if (!token || !looksLikeToken(token)) {
    say(() => t(M.scanNotMark));
    return false;
  }
  let host: string | undefined;
  try {
    const url = new URL(text.trim());
    if (url.host !== location.host) host = url.host;
  } catch {
    // a bare token
  }
  navigate(`/v#${token}`, host);
  return true;
}
