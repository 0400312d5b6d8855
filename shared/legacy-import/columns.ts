/**
 * The layout of an import file (certificates from another registry) and its bounds: the columns by key or Chinese
 * title, which must hold a value, and how large a file, a row and a cell may be. One definition for the command, the
 * docs' table and the tests.
 */

/** `required` ones must hold a value; the header names each column by its key or its Chinese title. */
export const IMPORT_COLUMNS = [
  { key: 'certificate_number', zh: '证书编号', required: true },
  { key: 'holder_name', zh: '获证组织名称', required: true },
  { key: 'holder_name_en', zh: '获证组织英文名称', required: false },
  { key: 'credit_code', zh: '统一社会信用代码', required: true },
  { key: 'holder_address', zh: '组织地址', required: false },
  { key: 'scope', zh: '认证范围', required: true },
  { key: 'level', zh: '认证星级', required: true },
  { key: 'score', zh: '评价得分', required: true },
  { key: 'issue_date', zh: '颁证日期', required: false },
  { key: 'valid_from', zh: '有效期起', required: true },
  { key: 'valid_until', zh: '有效期至', required: true },
  { key: 'last_surveillance', zh: '最近监督审核', required: false },
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key'];

/** Tens of thousands of rows of an ordinary export: a larger file is split and imported in parts. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
/** No certificate row is near this long; a longer line is a broken or hostile file, refused before it is split. */
export const MAX_LINE_CHARS = 10_000;
export const MAX_FIELD_CHARS = 500;

import type { FieldIssue } from '../errors';

/** Stable names of what can be wrong with a row (or, on row 1, with the header), for tests and tools. */
export type RowProblemCode =
  | 'columns-missing'
  | 'too-many-rows'
  | 'required'
  | 'too-long'
  | 'number-form'
  | 'credit-code'
  | 'level'
  | 'score'
  | 'score-band'
  | 'date'
  | 'validity'
  | 'expired'
  | 'not-started'
  | 'issue-date'
  | 'surveillance-date'
  | 'surveillance-overdue'
  | 'duplicate-number'
  | 'duplicate-scope'
  | 'number-taken'
  | 'certified-for-scope'
  /** The holder's name, address and scope are checked with the application's schema: its field codes. */
  | FieldIssue['code'];

export interface RowProblem {
  /** The row as the file numbers it (the header is row 1). */
  row: number;
  column: ImportColumn | null;
  code: RowProblemCode;
  zh: string;
  en: string;
}

export const rowProblem = (
  row: number,
  column: ImportColumn | null,
  code: RowProblemCode,
  zh: string,
  en: string,
): RowProblem => ({ row, column, code, zh, en });

/** The header's columns by position: each known by its key or Chinese title; the required ones it lacks. */
export function headerColumns(header: readonly string[]): { columns: (ImportColumn | null)[]; missing: string[] } {
  const columns = header.map((h) => {
    const t = h.replace(/^\uFEFF/u, '').trim();
    return IMPORT_COLUMNS.find((c) => c.key === t || c.zh === t)?.key ?? null;
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !columns.includes(c.key)).map((c) => c.key);
  return { columns, missing };
}
