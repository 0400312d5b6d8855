/**
 * An import file's rows, the header first, or a file-level refusal that changes nothing: too large, empty, not a
 * CSV or an XLSX, a spreadsheet that cannot be opened, text that is neither UTF-8 (or UTF-16 with its BOM) nor GBK,
 * a row far too long. A GBK CSV, as Excel saves one on a Chinese Windows, is read as GB18030, never as mojibake.
 */
import { DomainError } from '../../../shared/errors';
import { MAX_IMPORT_BYTES, MAX_LINE_CHARS } from '../../../shared/legacy-import';
import { isZip, parseCsv, readText } from '../../../shared/tabular/decode';
import { readSheet } from '../../documents/spreadsheet';

const isUtf16 = (bytes: Uint8Array) =>
  (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

export async function readImportFile(bytes: Uint8Array): Promise<string[][]> {
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    throw new DomainError('IMPORT_FILE_TOO_LARGE', `${bytes.byteLength} bytes, at most ${MAX_IMPORT_BYTES}`);
  const rows = isZip(bytes) ? await sheetRows(bytes) : textRows(bytes);
  if (rows.length === 0) throw new DomainError('IMPORT_FILE_EMPTY', 'no header row');
  if (rows.length === 1) throw new DomainError('IMPORT_FILE_EMPTY', 'a header and no certificate rows');
  return rows;
}

async function sheetRows(bytes: Uint8Array): Promise<string[][]> {
  let rows: string[][];
  try {
    rows = await readSheet(bytes);
  } catch (error) {
    throw new DomainError('IMPORT_FILE_UNREADABLE', String((error as Error)?.message ?? error).slice(0, 200));
  }
  const long = rows.findIndex((r) => r.join(',').length > MAX_LINE_CHARS);
  if (long >= 0) throw new DomainError('IMPORT_ROW_TOO_LONG', `row ${long + 1}`);
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function textRows(bytes: Uint8Array): string[][] {
  // Text has no NUL byte (but UTF-16): a PDF, an image or an old binary .xls is not a CSV, whatever its name says.
  if (bytes.includes(0) && !isUtf16(bytes)) throw new DomainError('IMPORT_FILE_TYPE');
  const { text, encoding } = readText(bytes);
  if (encoding === 'gb18030' && text.includes('\uFFFD'))
    throw new DomainError(
      'IMPORT_FILE_ENCODING',
      `byte ${firstUndecodable(text)} of the text is neither UTF-8 nor GBK`,
    );
  const parsed = parseCsv(text, { maxLineChars: MAX_LINE_CHARS });
  if ('tooLong' in parsed) throw new DomainError('IMPORT_ROW_TOO_LONG', `row ${parsed.tooLong}`);
  return parsed.rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const firstUndecodable = (text: string) => text.indexOf('\uFFFD') + 1;
