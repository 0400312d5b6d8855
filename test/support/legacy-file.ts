/**
 * Import files as another registry would export them: a header of column keys (or titles) and one row per
 * certificate, each row a fresh organization (./organizations) with valid values unless the test says otherwise.
 */
import { createHash } from 'node:crypto';
import { IMPORT_COLUMNS, type ImportColumn } from '../../shared/legacy-import';
import { validUntilFor } from '../../shared/lifecycle/certificate-dates';
import { newOrganization } from './organizations';

export type LegacyRow = Partial<Record<ImportColumn, string>>;

let serial = 0;

/** A valid row: a five-star certificate under a number of the body `LG`, from `validFrom` (in the system's past). */
export function legacyRow(over: LegacyRow = {}, validFrom = '2026-01-15'): LegacyRow {
  const org = newOrganization();
  return {
    certificate_number: `LG-SV-${validFrom.slice(0, 4)}-${String(++serial).padStart(6, '0')}`,
    holder_name: org.name,
    credit_code: org.creditCode,
    holder_address: '上海市浦东新区世纪大道 100 号',
    scope: '家用电器的销售与售后服务',
    level: '五星级',
    score: '96',
    valid_from: validFrom,
    valid_until: validUntilFor(validFrom),
    ...over,
  };
}

const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** The rows as CSV text under a header of every column's key (or `columns`), CRLF as Excel writes it. */
export function legacyCsv(
  rows: readonly LegacyRow[],
  columns: readonly ImportColumn[] = IMPORT_COLUMNS.map((c) => c.key),
) {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => quoted(r[c] ?? '')).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The console's request body for a file: the bytes as base64 and their SHA-256 (what its dry run reports). */
export function legacyImportBody(file: string | Uint8Array = legacyCsv([legacyRow()])) {
  const bytes = typeof file === 'string' ? Buffer.from(file, 'utf8') : Buffer.from(file);
  return { file: bytes.toString('base64'), fileSha256: createHash('sha256').update(bytes).digest('hex') };
}
