/** The QR symbol of a star-mark URL, from the qrcode package (which picks the smallest version and the best modes). */
import QRCode from 'qrcode';
import type { QrMatrix } from '../../../shared/star-mark/artwork/qr-svg';

export type QrLevel = 'L' | 'M' | 'Q' | 'H';

/** Level M: the target the token format is sized for (version 10 at M with a 30-character base URL). */
export function qrMatrix(text: string, level: QrLevel = 'M'): QrMatrix & { version: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: level });
  const { size } = qr.modules;
  return { size, version: qr.version, isDark: (row, col) => Boolean(qr.modules.get(row, col)) };
}
