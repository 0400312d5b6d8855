/**
 * A table as the registry publishes and exports it: named columns, each a function of one row, written as CSV
 * (RFC 4180) or JSON Lines from the same definition, so that the two formats can never disagree on a column.
 * Used by the open-data export and the national-platform report; a spreadsheet writer reads the same columns.
 */

export type Cell = string | number | null;

export interface Column<Row> {
  /** The column's header in CSV and its key in JSON Lines: stable, ASCII, snake_case. */
  key: string;
  /** What a person reads above the column in a spreadsheet: zh first, then en. */
  title: { zh: string; en: string };
  value: (row: Row) => Cell;
}

export type Columns<Row> = readonly Column<Row>[];

/** A field that holds a comma, a quote or a line break is quoted, its quotes doubled (RFC 4180 §2.6–2.7). */
function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A formula in a spreadsheet cell is run when the file is opened: a value that starts like one (=, +, -, @) is
 * prefixed with an apostrophe in files meant for spreadsheets (OWASP's CSV injection advice). Numbers stay numbers.
 */
export function spreadsheetSafe(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export interface CsvOptions {
  /** A UTF-8 byte-order mark first: what makes Excel on a Chinese Windows read UTF-8 rather than GBK. */
  bom?: boolean;
  /** Written for a spreadsheet: formula-like values neutralised (see spreadsheetSafe). */
  forSpreadsheet?: boolean;
}

export function toCsv<Row>(columns: Columns<Row>, rows: Iterable<Row>, options: CsvOptions = {}): string {
  const safe = options.forSpreadsheet ? spreadsheetSafe : (c: Cell) => c;
  const lines = [columns.map((c) => csvField(c.key)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(safe(c.value(row)))).join(','));
  return `${options.bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

/** One JSON object per line, its members in column order (JSON Lines: UTF-8, `\n` after every line). */
export function toJsonLines<Row>(columns: Columns<Row>, rows: Iterable<Row>): string {
  let out = '';
  for (const row of rows) out += `${JSON.stringify(Object.fromEntries(columns.map((c) => [c.key, c.value(row)])))}\n`;
  return out;
}
