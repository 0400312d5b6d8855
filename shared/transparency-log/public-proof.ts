/**
 * What the public record and every receipt say about a certificate's place in the log: the index of its latest entry
 * and, once the integrator has hashed it into a signed checkpoint, the entry itself with its inclusion proof (C2SP
 * tlog-proof text, the checkpoint inside). Until then the entry is honestly "pending": an index is assigned in the
 * change's own transaction, but a proof exists only after integration. The check below is what the verify page runs
 * in the browser, with the log's verifier key alone.
 */
import type { PublicCertificate } from '../public-record';
import * as z from '../zod';
import { utf8 } from './bytes';
import { decodeLogEntry } from './entry';
import { parseVerifierKey } from './note';
import { type LogProofRefusal, verifyLogProof } from './proof';
import { unexplainedFields } from './replay';

const index = z.number().check(z.int(), z.minimum(0), z.describe("The index of the certificate's latest log entry"));

export const publicLogSchema = z.union([
  z.strictObject({
    state: z.literal('included'),
    index,
    entry: z.string().check(z.describe('The entry, verbatim (canonical JSON): its leaf hash is what the proof proves')),
    proof: z.string().check(z.describe('C2SP tlog-proof: the index, the inclusion proof and the signed checkpoint')),
    checkpointAt: z.string().check(z.describe('When the checkpoint was signed (ISO 8601), as the registry states it')),
  }),
  z.strictObject({
    state: z.literal('pending'),
    index,
  }),
  z.strictObject({
    state: z.literal('unavailable'),
    index,
  }),
]);

/**
 * included: provable now; pending: assigned, not yet in a signed checkpoint (seconds); unavailable: integrated, but
 * the registry could not build the proof from its published tiles, itself a sign that something is wrong.
 */
export type PublicLogRecord = z.output<typeof publicLogSchema>;

export type LogCheckFailure =
  | LogProofRefusal
  | 'BAD_KEY'
  | 'NO_PROOF'
  | 'WRONG_INDEX'
  | 'MALFORMED_ENTRY'
  | 'OTHER_CERTIFICATE'
  | 'UNEXPLAINED_RECORD';

export type LogCheck =
  | { kind: 'recorded'; index: number; size: number; checkpointAt: string }
  | { kind: 'pending'; index: number }
  | { kind: 'failed'; code: LogCheckFailure; index?: number; fields?: string[] };

/**
 * Checks a public record's log claim: the proof leads from the entry to a checkpoint signed by the log's key, at the
 * index it states, and the entry's facts explain what the record shows (status, level, dates, holder). Any failure
 * means the registry shows something its public log does not back.
 */
export async function checkRecordInLog(
  record: PublicCertificate & { log?: PublicLogRecord },
  vkey: string,
): Promise<LogCheck> {
  const log = record.log;
  if (!log) return { kind: 'failed', code: 'NO_PROOF' };
  if (log.state === 'pending') return { kind: 'pending', index: log.index };
  if (log.state === 'unavailable') return { kind: 'failed', code: 'NO_PROOF', index: log.index };
  const verifier = parseVerifierKey(vkey);
  if (!verifier) return { kind: 'failed', code: 'BAD_KEY', index: log.index };
  const entryBytes = utf8.encode(log.entry);
  const proved = await verifyLogProof(log.proof, entryBytes, verifier, verifier.name);
  if (!proved.ok) return { kind: 'failed', code: proved.code, index: log.index };
  if (proved.index !== log.index) return { kind: 'failed', code: 'WRONG_INDEX', index: log.index };
  const entry = decodeLogEntry(entryBytes);
  if (!entry) return { kind: 'failed', code: 'MALFORMED_ENTRY', index: log.index };
  if (entry.certificate.number !== record.number)
    return { kind: 'failed', code: 'OTHER_CERTIFICATE', index: log.index };
  const fields = unexplainedFields(entry.certificate, record, new Date(record.asOf));
  if (fields.length) return { kind: 'failed', code: 'UNEXPLAINED_RECORD', index: log.index, fields };
  return { kind: 'recorded', index: log.index, size: proved.checkpoint.size, checkpointAt: log.checkpointAt };
}
