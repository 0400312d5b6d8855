/**
 * An uploaded list, whatever saved it: an XLSX workbook (its first sheet, read by exceljs, loaded only when one is
 * chosen), or a text file — UTF-8 with or without a BOM, UTF-16 (Excel's "Unicode text"), or GB18030/GBK as Excel
 * saves a CSV on a Chinese Windows. Text that is not valid UTF-8 is decoded as GB18030, a superset of GBK and GB2312;
 * valid UTF-8 is almost never produced by GBK text by chance, so trying UTF-8 strictly first is a safe test.
 */
import { decodeText, isZip } from '../../../shared/tabular/decode';
import { type BulkEntry, type NumberedRow, readEntries, readTable } from './bulk-input';

type Read = { entries: BulkEntry[]; truncated: boolean };

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
