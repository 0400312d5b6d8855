/**
 * CSV in and out, in the browser. Out: UTF-8 with a BOM (so Excel opens Chinese text correctly), CRLF lines, and
 * every cell defused against formula injection — a cell that starts with = + - @ (or a tab or CR) is prefixed with
 * an apostrophe, so an organization named `=HYPERLINK(…)` stays text in the officer's spreadsheet. In: RFC 4180
 * (quoted cells, doubled quotes, line breaks inside quotes), with the delimiter a spreadsheet is likely to have used.
 */

import { parseCsv as parseRows } from '../../../shared/tabular/decode';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The delimiter of a pasted or uploaded table: tab (copied from a spreadsheet), then comma, then semicolon. */
export function guessDelimiter(text: string): ',' | '\t' | ';' | null {
  const firstLines = text.split(/\r?\n/).slice(0, 20).join('\n');
  for (const d of ['\t', ',', ';'] as const) if (firstLines.includes(d)) return d;
  return null;
}

export function parseCsv(text: string, delimiter: string): string[][] {
  const parsed = parseRows(text, { delimiter });
  return 'rows' in parsed ? parsed.rows : [];
}
