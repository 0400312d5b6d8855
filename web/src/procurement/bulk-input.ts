/**
 * What an officer pastes or uploads, read into entries: certificate numbers, credit codes (统一社会信用代码) and
 * organization names, each read by the core's own rule (planBulkQuery). A table (CSV, an XLSX sheet, or cells copied
 * from a spreadsheet) is read by its identifier column — the one where most cells are numbers or credit codes, even
 * mistyped ones — and, in a row without one, by its name column; the other cells of the row are kept as its label.
 * Every entry keeps the row it came from, as the spreadsheet numbers it (header included, blank rows counted), or the
 * line of a pasted list, so the table's "#" points back at the input.
 */
import { planBulkQuery } from '../../../shared/search/bulk';
import { guessDelimiter, parseCsv } from './csv';

/** More than an officer's list, few enough to check in a handful of requests of 100. */
export const MAX_ENTRIES = 500;

export interface BulkEntry {
  /** The row of the input it came from, 1-based: the spreadsheet's row number, or the line of a pasted list. */
  row: number;
  /** The query as written (trimmed): a number, a credit code or a name. */
  input: string;
  label?: string;
}

/** A row of a table and its number in the input. */
export interface NumberedRow {
  row: number;
  cells: string[];
}

/** Meant as a number or a credit code, well-formed or not: what decides a table's identifier column. */
export function isIdentifierLike(cell: string): boolean {
  const plan = planBulkQuery(cell);
  return (
    plan.kind === 'number' || plan.kind === 'creditCode' || (plan.kind === 'refused' && plan.code !== 'QUERY_TOO_SHORT')
  );
}

/** A cell that can be searched as an organization name: letters, not a running number. */
function isNameLike(cell: string): boolean {
  return planBulkQuery(cell).kind === 'name' && /\p{L}/u.test(cell);
}

/** The words a header row uses for its columns. */
const HEADER_WORD =
  /^(序号|行号|编号|证书编号|证书号|名称|单位名称|企业名称|公司名称|组织名称|投标人|投标人名称|投标单位|供应商|供应商名称|统一社会信用代码|信用代码|备注|no\.?|#|name|company|organi[sz]ation|bidder|supplier|vendor|certificate( number| no\.?)?|number|credit code)$/iu;

function bestColumn(rows: readonly NumberedRow[], width: number, test: (cell: string) => boolean, skip = -1) {
  let column = -1;
  let best = 0;
  for (let c = 0; c < width; c++) {
    if (c === skip) continue;
    const score = rows.filter((r) => test(r.cells[c] ?? '')).length;
    if (score > best) [column, best] = [c, score];
  }
  return column;
}

/** Entries of a table: its rows in order, a header row left out. */
export function fromTable(table: readonly NumberedRow[]): BulkEntry[] {
  const rows = table.filter((r) => r.cells.some((c) => c.trim()));
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const idColumn = bestColumn(rows, width, isIdentifierLike);
  const nameColumn = bestColumn(rows, width, isNameLike, idColumn);
  const first = rows[0]?.cells ?? [];
  const header =
    rows.length > 1 &&
    (first.some((c) => HEADER_WORD.test(c.trim())) || (idColumn >= 0 && !isIdentifierLike(first[idColumn] ?? '')));
  const entries: BulkEntry[] = [];
  for (const { row, cells } of rows.slice(header ? 1 : 0)) {
    const id = idColumn >= 0 ? (cells[idColumn] ?? '').trim() : '';
    const used = id ? idColumn : nameColumn;
    const input = used >= 0 ? (cells[used] ?? '').trim() : '';
    const label = cells
      .filter((cell, c) => c !== used && cell.trim())
      .map((cell) => cell.trim())
      .join(' / ');
    // A row with neither stays an entry, so the table shows it rather than silently dropping a bidder.
    entries.push({
      row,
      input:
        input ||
        cells
          .map((c) => c.trim())
          .filter(Boolean)
          .join(' / '),
      ...(label && input ? { label } : {}),
    });
  }
  return entries;
}

const unquote = (s: string) =>
  s
    .trim()
    .replace(/^['"‘“]+|['"’”]+$/gu, '')
    .trim();

/**
 * A pasted list, line by line: identifiers may share a line (separated by commas, semicolons or spaces), names may
 * share one when separated by 、，； — an English name keeps its own commas and spaces ("Acme Co., Ltd.").
 */
function fromList(text: string): BulkEntry[] {
  const entries: BulkEntry[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const identifiers = line.split(/[\s,;，；、]+/u).filter(Boolean);
    const names = line
      .split(/[，；、]+/u)
      .map(unquote)
      .filter(Boolean);
    const tokens = identifiers.length > 1 && identifiers.every(isIdentifierLike) ? identifiers : names;
    for (const token of tokens) entries.push({ row: i + 1, input: unquote(token) });
  });
  // A list may be pasted with its column's title on top (投标人名称): that is not a bidder.
  return entries[0] && HEADER_WORD.test(entries[0].input) ? entries.slice(1) : entries;
}

function numbered(rows: string[][]): NumberedRow[] {
  return rows.map((cells, i) => ({ row: i + 1, cells }));
}

/** Entries in input order, at most MAX_ENTRIES (the caller says when there were more). */
export function readEntries(text: string): { entries: BulkEntry[]; truncated: boolean } {
  const delimiter = guessDelimiter(text);
  const rows = delimiter ? numbered(parseCsv(text, delimiter)) : [];
  const filled = rows.filter((r) => r.cells.some((c) => c.trim()));
  // A table with identifiers in several columns is a list laid out in rows; a one-line list is a list.
  const identifierColumns = new Set(filled.flatMap((r) => r.cells.flatMap((c, i) => (isIdentifierLike(c) ? [i] : []))));
  const all = filled.length > 1 && identifierColumns.size <= 1 ? fromTable(rows) : fromList(text);
  return capped(all);
}

/** Entries of a spreadsheet's sheet, already split into cells. */
export function readTable(rows: readonly NumberedRow[]): { entries: BulkEntry[]; truncated: boolean } {
  return capped(fromTable(rows));
}

function capped(all: BulkEntry[]) {
  return { entries: all.slice(0, MAX_ENTRIES), truncated: all.length > MAX_ENTRIES };
}
