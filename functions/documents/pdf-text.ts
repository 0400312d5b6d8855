/** Line breaking for the PDF: CJK breaks between any two characters, Latin text between words. */
import type { PDFFont } from 'pdf-lib';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Pieces that may not be split: one CJK character, or a Latin word with the spaces after it. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of text) {
    if (CJK.test(ch)) {
      if (word) out.push(word);
      word = '';
      out.push(ch);
    } else if (ch === ' ') {
      word += ch;
      out.push(word);
      word = '';
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

/** `text` broken into lines no wider than `width` at `size`; a single piece wider than that is cut by character. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => font.widthOfTextAtSize(s.trimEnd(), size) <= width;
  for (const piece of pieces(text)) {
    if (fits(line + piece)) {
      line += piece;
      continue;
    }
    if (line) lines.push(line.trimEnd());
    line = '';
    for (const ch of piece) {
      if (!fits(line + ch) && line) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}
