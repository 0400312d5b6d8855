/**
 * A file's text, whatever saved it: UTF-8 with or without a BOM, UTF-16 (Excel's "Unicode text"), or GB18030/GBK as
 * Excel saves a CSV on a Chinese Windows. Text that is not valid UTF-8 is decoded as GB18030, a superset of GBK and
 * GB2312; valid UTF-8 is almost never produced by GBK text by chance, so trying UTF-8 strictly first is a safe test.
 */
const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** The text and the encoding it was read in (a GB18030 reading with U+FFFD in it was neither UTF-8 nor GBK). */
export function readText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf))
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, 0xff, 0xfe))
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff))
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

export function decodeText(bytes: Uint8Array): string {
  return readText(bytes).text;
}

/** An XLSX (or any OOXML) file is a zip archive: it starts with a local file header, "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);
}

/**
 * CSV as RFC 4180 writes it (a field quoted from its start, doubled quotes inside, CRLF or LF, a BOM skipped), into
 * rows of cells; the delimiter is the caller's (a pasted table uses tabs). A line longer than `maxLineChars` is
 * refused before it is split: a 100,000-character row is a broken file, not a certificate.
 */
export function parseCsv(
  text: string,
  options: { delimiter?: string; maxLineChars?: number } = {},
): { rows: string[][] } | { tooLong: number } {
  const delimiter = options.delimiter ?? ',';
  const maxLineChars = options.maxLineChars ?? Number.POSITIVE_INFINITY;
  const input = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let lineStart = 0;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (i - lineStart > maxLineChars) return { tooLong: rows.length + 1 };
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      lineStart = i + 1;
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return { rows };
}
