/**
 * An uploaded list, whatever saved it: an XLSX workbook (its first sheet, read by exceljs, loaded only when one is
 * chosen), or a text file — UTF-8 with or without a BOM, UTF-16 (Excel's "Unicode text"), or GB18030/GBK as Excel
 * saves a CSV on a Chinese Windows. Text that is not valid UTF-8 is decoded as GB18030, a superset of GBK and GB2312;
 * valid UTF-8 is almost never produced by GBK text by chance, so trying UTF-8 strictly first is a safe test.
 */
import { type BulkEntry, type NumberedRow, readEntries, readTable } from './bulk-input';

type Read = { entries: BulkEntry[]; truncated: boolean };

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** The text of a file's bytes, by the rules above. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return new TextDecoder('utf-8').decode(bytes);
  if (startsWith(bytes, 0xff, 0xfe)) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, 0xfe, 0xff)) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** An XLSX (or any OOXML) file is a zip archive: it starts with a local file header, "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);
}

/** The first worksheet's rows as text, numbered as the spreadsheet numbers them. */
async function sheetRows(bytes: Uint8Array): Promise<NumberedRow[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: NumberedRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? '';
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

export async function readFile(file: Blob): Promise<Read & { text?: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isZip(bytes)) return readTable(await sheetRows(bytes));
  const text = decodeText(bytes);
  return { ...readEntries(text), text };
}
