/**
 * Importing certificates from another registry (`npm run import`): every row checked (shared/legacy-import), then
 * checked against the registry (a number held by another certificate, a scope the holder is already certified for).
 * Only when no row has a problem, and not on a dry run, each certificate is written under its legacy number with
 * its star mark signed and its `imported` event, each whole in one transaction (with its log entry and search terms;
 * two certificates share one, to halve the turns of the log's serialised index).
 * Idempotent: a number this import already wrote is left as it is, and each write is conditional on the number being
 * new, so a second run (or two at once) writes each certificate once. A run stopped half-way is finished by
 * running it again.
 */
import { createHash } from 'node:crypto';
import { parseCertificateNumber } from '../../../shared/certificate-number';
import {
  type CheckedRow,
  checkRows,
  importedCertificate,
  isSameImport,
  type RowProblem,
  registryProblems,
} from '../../../shared/legacy-import';
import type { Actor, Certificate } from '../../../shared/model';
import { termWrites } from '../../../shared/search/terms';
import { eventStreamOf } from '../../../shared/store/keys';
import { CommitConflict, type Write } from '../../../shared/store/port';
import { advance, NEW_AGGREGATE } from '../aggregate';
import type { Deps } from '../deps';
import { certificateCounter, withStarMark } from '../issue';

export const IMPORT_ACTOR: Actor = { sub: 'system:import', roles: ['system'], name: 'legacy import' };

const PARALLEL_READS = 8;
/**
 * Certificates a transaction: each is at most 2 + TERM_WRITE_BUDGET writes and its log entry, with the log's counter
 * beside them, so two stay well inside DynamoDB's 100; more rows a transaction only wait longer for the log's turn.
 */
const ROWS_PER_TRANSACTION = 2;
const PARALLEL_CHUNKS = 4;
const COUNTER_ATTEMPTS = 10;

export interface ImportOptions {
  dryRun: boolean;
  /**
   * Write the rows without problems and leave the refused ones (the console's confirmation of a dry run it showed);
   * otherwise a file with any problem writes nothing.
   */
  skipRefused?: boolean;
  /** Who the `imported` events name: the administrator who confirmed in the console, or the command's own actor. */
  actor?: Actor;
}

export interface ImportReport {
  dryRun: boolean;
  fileSha256: string;
  /** Data rows in the file (the header not counted). */
  rows: number;
  problems: RowProblem[];
  /** Numbers this run wrote (on a dry run: would write). */
  imported: string[];
  /** Numbers an earlier run of this import already wrote: left as they are. */
  already: string[];
}

/** Runs `work` over `items`, `parallel` at a time, in order of start. */
async function eachParallel<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}

async function holdersCertificates(deps: Deps, rows: readonly CheckedRow[]) {
  const codes = [...new Set(rows.map((r) => r.legacy.organization.creditCode))];
  const byCode = new Map<string, Certificate[]>();
  await eachParallel(codes, PARALLEL_READS, async (code) => {
    byCode.set(code, await deps.store.findCertificatesByCreditCode(code));
  });
  return byCode;
}

export async function importCertificates(
  deps: Deps,
  file: { bytes: Uint8Array; table: readonly string[][] },
  options: ImportOptions,
): Promise<ImportReport> {
  const [header = [], ...rows] = file.table;
  const now = deps.clock();
  const fileSha256 = createHash('sha256').update(file.bytes).digest('hex');
  const checked = checkRows(header, rows, now);
  const report: ImportReport = {
    dryRun: options.dryRun,
    fileSha256,
    rows: rows.length,
    problems: [],
    imported: [],
    already: [],
  };
  const existing = await deps.store.getCertificates(checked.certificates.map((c) => c.legacy.number));
  const against = registryProblems(
    checked.certificates,
    existing,
    await holdersCertificates(deps, checked.certificates),
  );
  report.problems = [...checked.problems, ...against.problems].sort((a, b) => a.row - b.row);
  report.already = against.already.map((r) => r.legacy.number);
  if (report.problems.length && !options.skipRefused) return report;
  if (options.dryRun) return { ...report, imported: against.fresh.map((r) => r.legacy.number) };
  const actor = options.actor ?? IMPORT_ACTOR;
  await raiseCounters(deps, against.fresh);
  const chunks: CheckedRow[][] = [];
  for (let i = 0; i < against.fresh.length; i += ROWS_PER_TRANSACTION)
    chunks.push(against.fresh.slice(i, i + ROWS_PER_TRANSACTION));
  await eachParallel(chunks, PARALLEL_CHUNKS, async (chunk) => {
    const planned = await Promise.all(chunk.map((r) => plannedImport(deps, r, fileSha256, now, actor)));
    try {
      await deps.store.commit({ writes: planned.flatMap((p) => p.writes) });
      report.imported.push(...planned.map((p) => p.number));
    } catch (error) {
      if (!(error instanceof CommitConflict)) throw error;
      // Another run wrote one of them first: each on its own, so the others still land once.
      for (const p of planned)
        (await commitOne(deps, p)) ? report.imported.push(p.number) : report.already.push(p.number);
    }
  });
  return report;
}

interface PlannedImport {
  number: string;
  legacy: CheckedRow['legacy'];
  writes: Write[];
}

/** The row's certificate with its mark signed and its event chained: its writes, the certificate new. */
async function plannedImport(deps: Deps, { row, legacy }: CheckedRow, fileSha256: string, now: Date, actor: Actor) {
  const decided = importedCertificate(legacy, { fileSha256, row });
  const stream = eventStreamOf('certificate', legacy.number);
  const { value, event } = await advance<Certificate>(stream, NEW_AGGREGATE, decided.next, decided.event, actor, now);
  const signed = await withStarMark(deps, value, now);
  const writes: Write[] = [
    { kind: 'certificate', value: signed, expectedVersion: null },
    { kind: 'event', value: event },
    ...termWrites(null, signed),
  ];
  return { number: legacy.number, legacy, writes } satisfies PlannedImport;
}

/** True when written; false when this import had already written it. */
async function commitOne(deps: Deps, planned: PlannedImport): Promise<boolean> {
  try {
    await deps.store.commit({ writes: planned.writes });
    return true;
  } catch (error) {
    const held = error instanceof CommitConflict ? await deps.store.getCertificate(planned.number) : undefined;
    if (!held || !isSameImport(held, planned.legacy)) throw error;
    return false;
  }
}

/**
 * Legacy numbers under this registry's own prefix take serials of its yearly counters: each counter is moved past
 * the highest imported serial of its year before any certificate is written, so the registry never issues one of
 * them again (a serial skipped by a run that stops is a gap, never a clash).
 */
async function raiseCounters(deps: Deps, rows: readonly CheckedRow[]) {
  const highest = new Map<number, number>();
  for (const { legacy } of rows) {
    const parsed = parseCertificateNumber(legacy.number);
    if (parsed?.prefix === deps.config.certificatePrefix)
      highest.set(parsed.year, Math.max(highest.get(parsed.year) ?? 0, parsed.serial));
  }
  for (const [year, serial] of highest) {
    const name = certificateCounter(year);
    for (let attempt = 0; ; attempt++) {
      const current = await deps.store.readCounter(name);
      if (current >= serial) break;
      try {
        await deps.store.commit({ writes: [{ kind: 'counter', name, expected: current, next: serial }] });
        break;
      } catch (error) {
        // An issuance took the next number meanwhile: read the counter again.
        if (!(error instanceof CommitConflict) || attempt >= COUNTER_ATTEMPTS) throw error;
      }
    }
  }
}
