/**
 * A table (shared/tabular) as an XLSX workbook, written with exceljs: the first sheet holds the rows under the
 * columns' Chinese titles, as a person or an upload form reads them; a second sheet lists each column's key and its
 * titles in both languages, so that the layout is documented in the file itself. exceljs is loaded on first use:
 * only the requests that write a workbook pay for it.
 */
import type { Columns } from '../../shared/tabular/table';

export async function workbookOf<Row>(
  columns: Columns<Row>,
  rows: Iterable<Row>,
  sheet: { name: string; columnsName: string },
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  // A fixed creation time: the same rows make the same workbook, whenever they are exported.
  book.created = new Date(0);
  book.modified = new Date(0);
  const data = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = columns.map((c) => ({
    header: c.title.zh,
    key: c.key,
    width: Math.max(12, c.title.zh.length * 2 + 4),
  }));
  data.getRow(1).font = { bold: true };
  for (const row of rows) data.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(row)])));
  const legend = book.addWorksheet(sheet.columnsName);
  legend.columns = [
    { header: '列 Column', key: 'position', width: 10 },
    { header: '字段 Key', key: 'key', width: 24 },
    { header: '中文', key: 'zh', width: 24 },
    { header: 'English', key: 'en', width: 32 },
  ];
  for (const [i, c] of columns.entries())
    legend.addRow({ position: i + 1, key: c.key, zh: c.title.zh, en: c.title.en });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The first worksheet's rows as text (each cell as Excel shows it), the header first. */
export async function readSheet(bytes: Uint8Array): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.type === ExcelJS.ValueType.Date ? isoDay(cell.value as Date) : (cell.text ?? '');
    });
    rows.push(Array.from(cells, (c) => c ?? ''));
  });
  return rows;
}

/** A date cell holds the day at UTC midnight: its ISO day, not a time zone's reading of it. */
const isoDay = (value: Date) => value.toISOString().slice(0, 10);
