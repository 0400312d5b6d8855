/**
 * What an officer pastes or uploads, read into entries: certificate numbers and credit codes (统一社会信用代码).
 * A plain list may be separated by lines, commas, spaces or 、；. A table (CSV, or cells copied from a spreadsheet)
 * is read by its identifier column — the one where most cells are numbers or credit codes — and the other cells of
 * the row (the bidder's name, say) are kept as the row's label. Whatever is neither stays an entry, so that the
 * table shows it as malformed rather than silently dropping a bidder.
 */
import { isValidCreditCode } from '../../../shared/credit-code';
import { CERTIFICATE_NUMBER_RE } from '../../../shared/schemas/common';
import { guessDelimiter, parseCsv } from './csv';

/** More than an officer's list, few enough to check in a handful of requests of 100. */
export const MAX_ENTRIES = 500;

export type EntryKind = 'number' | 'creditCode' | 'unrecognized';

export interface BulkEntry {
  /** 1-based position in the input, to cite back ("line 7"). */
  line: number;
  input: string;
  kind: EntryKind;
  /** The identifier as the API wants it (upper case, no spaces), or the trimmed input. */
  value: string;
  label?: string;
}

export function classify(raw: string): { kind: EntryKind; value: string } {
  const value = raw
    .trim()
    .replace(/^['"]+|['"]+$/g, '')
    .replace(/\s+/g, '')
    .toUpperCase();
  if (CERTIFICATE_NUMBER_RE.test(value)) return { kind: 'number', value };
  if (isValidCreditCode(value)) return { kind: 'creditCode', value };
  return { kind: 'unrecognized', value: raw.trim() };
}

const known = (cell: string) => classify(cell).kind !== 'unrecognized';

function fromTable(rows: string[][]): BulkEntry[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  let column = 0;
  let best = -1;
  for (let c = 0; c < width; c++) {
    const score = rows.filter((r) => known(r[c] ?? '')).length;
    if (score > best) [column, best] = [c, score];
  }
  // A first row whose identifier cell is not one is a header (证书编号, Number …).
  const start = rows.length > 1 && !known(rows[0]?.[column] ?? '') ? 1 : 0;
  const entries: BulkEntry[] = [];
  rows.slice(start).forEach((row, i) => {
    const input = (row[column] ?? '').trim();
    if (!input) return;
    const label = row
      .filter((cell, c) => c !== column && cell.trim())
      .map((cell) => cell.trim())
      .join(' / ');
    entries.push({ line: start + i + 1, input, ...classify(input), ...(label ? { label } : {}) });
  });
  return entries;
}

function fromList(text: string): BulkEntry[] {
  const entries: BulkEntry[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const token of line.split(/[\s,;，；、]+/u).filter(Boolean))
      entries.push({ line: i + 1, input: token, ...classify(token) });
  });
  return entries;
}

/** Entries in input order, at most MAX_ENTRIES (the caller says when there were more). */
export function readEntries(text: string): { entries: BulkEntry[]; truncated: boolean } {
  const delimiter = guessDelimiter(text);
  // A comma-separated list on one line is a list, not a one-row table.
  const rows = delimiter ? parseCsv(text, delimiter).filter((r) => r.some((c) => c.trim())) : [];
  // …and a table with identifiers in several columns is a list laid out in rows: every cell counts.
  const identifierColumns = new Set(rows.flatMap((r) => r.flatMap((cell, c) => (known(cell) ? [c] : []))));
  const all = rows.length > 1 && identifierColumns.size <= 1 ? fromTable(rows) : fromList(text);
  return { entries: all.slice(0, MAX_ENTRIES), truncated: all.length > MAX_ENTRIES };
}
