/**
 * Importing certificates from another registry (`npm run import`): the file read (CSV in UTF-8 or GBK, or XLSX),
 * every row checked (shared/legacy-import), and — only when no row has a problem, and not on a dry run — each
 * certificate written under its legacy number with its star mark signed and an `imported` audit event, in one
 * transaction each. Idempotent: a number already in the registry is skipped, and the write is conditional on the
 * number being new, so a second run (or two at once) writes each certificate once.
 */
import { DomainError } from '../../shared/errors';
import { checkRows, type RowProblem } from '../../shared/legacy-import/rows';
import type { Actor, Certificate } from '../../shared/model';
import { termWrites } from '../../shared/search/terms';
import { eventStreamOf } from '../../shared/store/keys';
import { CommitConflict } from '../../shared/store/port';
import { decodeText, isZip, parseCsv } from '../../shared/tabular/decode';
import { readSheet } from '../documents/spreadsheet';
import { advance, NEW_AGGREGATE } from './aggregate';
import type { Deps } from './deps';
import { withStarMark } from './issue';

export const IMPORT_ACTOR: Actor = { sub: 'system:import', roles: ['system'], name: 'legacy import' };

/** No certificate row is near this long; a longer line is a broken or hostile file. */
export const MAX_LINE_CHARS = 10_000;
const PARALLEL_WRITES = 8;

/** The file's rows (the header first), or a file-level refusal: wrong type, unreadable, a row far too long. */
export async function readImportFile(bytes: Uint8Array): Promise<string[][]> {
  if (isZip(bytes)) {
    let rows: string[][];
    try {
      rows = await readSheet(bytes);
    } catch (error) {
      throw new DomainError('IMPORT_FILE_UNREADABLE', String((error as Error)?.message ?? error));
    }
    if (rows.some((r) => r.join(',').length > MAX_LINE_CHARS)) throw new DomainError('IMPORT_ROW_TOO_LONG');
    return rows;
  }
  // Text has no NUL byte: a PDF, an image or an old binary .xls is not a CSV, whatever its name says.
  if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) throw new DomainError('IMPORT_FILE_TYPE');
  const parsed = parseCsv(decodeText(bytes), MAX_LINE_CHARS);
  if ('tooLong' in parsed) throw new DomainError('IMPORT_ROW_TOO_LONG', `row ${parsed.tooLong}`);
  return parsed.rows;
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  problems: RowProblem[];
  /** Numbers written by this run. */
  imported: string[];
  /** Numbers already in the registry: left as they are. */
  skipped: string[];
}

export async function importCertificates(
  deps: Deps,
  table: readonly string[][],
  options: { dryRun: boolean },
): Promise<ImportReport> {
  const [header = [], ...rows] = table;
  const now = deps.clock();
  const { certificates, problems } = checkRows(header, rows, now);
  const report: ImportReport = { dryRun: options.dryRun, rows: rows.length, problems, imported: [], skipped: [] };
  const existing = await deps.store.getCertificates(certificates.map((c) => c.certificate.number));
  const fresh = certificates.filter((c) => !existing.has(c.certificate.number));
  report.skipped = certificates.filter((c) => existing.has(c.certificate.number)).map((c) => c.certificate.number);
  if (problems.length || options.dryRun) return report;
  let next = 0;
  const worker = async () => {
    while (next < fresh.length) {
      const { row, certificate } = fresh[next++]!;
      const { value, event } = await advance<Certificate>(
        eventStreamOf('certificate', certificate.number),
        NEW_AGGREGATE,
        certificate,
        { action: 'imported', from: null, to: certificate.status, data: { source: 'legacy', row } },
        IMPORT_ACTOR,
        now,
      );
      const signed = await withStarMark(deps, value);
      try {
        await deps.store.commit({
          writes: [
            { kind: 'certificate', value: signed, expectedVersion: null },
            { kind: 'event', value: event },
            ...termWrites(null, signed),
          ],
        });
        report.imported.push(certificate.number);
      } catch (error) {
        if (!(error instanceof CommitConflict)) throw error;
        report.skipped.push(certificate.number);
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_WRITES }, worker));
  return report;
}
