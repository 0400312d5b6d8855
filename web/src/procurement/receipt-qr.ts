/**
 * The QR code of a receipt's short permalink, drawn in the page (a lazy chunk: only a receipt loads the encoder).
 * Shown as an <img> of an SVG data URL, so no markup is ever parsed into the document.
 */
import QRCode from 'qrcode';
import { qrSvg } from '../../../shared/star-mark/artwork/qr-svg';

export function qrDataUrl(text: string, title: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const matrix = { size: qr.modules.size, isDark: (row: number, col: number) => Boolean(qr.modules.get(row, col)) };
  const escaped = title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg(matrix, escaped))}`;
}
