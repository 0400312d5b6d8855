/**
 * The marks of the scan corpus: the project's own artwork for real signed star-mark URLs — the print-ready mark
 * (shared/print-mark, text as glyph outlines, as the PNG/PDF downloads are made) and the on-screen star-mark
 * artwork (shared/star-mark/artwork) — as SVG, with where their QR sits so that a size can be given as the QR's side.
 */
import { glyphOutliner } from '../../functions/documents/print-mark';
import { qrMatrix } from '../../functions/signing/artwork/qr';
import { StarMarkTokens } from '../../functions/signing/issuer';
import { LocalKeyRing } from '../../functions/signing/local/local-key-ring';
import { DEMO_CERTIFICATION_BODY } from '../../shared/certification-body';
import { MARK_QR_UNITS, MARK_UNITS, printMarkShapes, printMarkSvg } from '../../shared/print-mark';
import type { StarLevel } from '../../shared/scheme/indicators';
import { starMarkUrl } from '../../shared/star-mark';
import {
  ARTWORK_HEIGHT,
  ARTWORK_QR_SIDE,
  ARTWORK_WIDTH,
  starMarkSvg,
} from '../../shared/star-mark/artwork/star-mark-svg';
import { SAMPLE_BASE_URL } from '../qr-version';

export interface CorpusMark {
  /** print-mark or star-mark, and the certificate's number. */
  name: string;
  /** What the QR must read as. */
  url: string;
  svg: string;
  /** The drawing's size, and the side of its QR (quiet zone included), in the drawing's units. */
  width: number;
  height: number;
  qrSide: number;
}

const CERTIFICATES: { number: string; level: StarLevel; validUntil: string }[] = [
  { number: 'SM-SV-2026-000123', level: 'five', validUntil: '2029-11-22' },
  { number: 'SM-SV-2026-045678', level: 'three', validUntil: '2029-03-01' },
  { number: 'SM-SV-2025-099901', level: 'compliant', validUntil: '2028-07-15' },
];

/** Both marks of the first `count` sample certificates, each signed by an in-memory key on a 30-character site. */
export async function corpusMarks(count = CERTIFICATES.length): Promise<CorpusMark[]> {
  const tokens = new StarMarkTokens(await LocalKeyRing.open());
  const marks: CorpusMark[] = [];
  for (const c of CERTIFICATES.slice(0, count)) {
    const { token } = await tokens.tokenFor({ ...c, cycle: 1 });
    const url = starMarkUrl(SAMPLE_BASE_URL, token);
    const qr = qrMatrix(url);
    const shapes = printMarkShapes(
      { number: c.number, level: c.level, validUntil: c.validUntil, bodyName: DEMO_CERTIFICATION_BODY.name, qr },
      glyphOutliner,
    );
    marks.push({
      name: `print-mark ${c.number}`,
      url,
      svg: printMarkSvg(shapes, c.number),
      width: MARK_UNITS.width,
      height: MARK_UNITS.height,
      qrSide: MARK_QR_UNITS,
    });
    marks.push({
      name: `star-mark ${c.number}`,
      url,
      svg: starMarkSvg({ number: c.number, level: c.level, url, qr }),
      width: ARTWORK_WIDTH,
      height: ARTWORK_HEIGHT,
      qrSide: ARTWORK_QR_SIDE,
    });
  }
  return marks;
}
