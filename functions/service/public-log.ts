/**
 * The transparency log as the public function reads it: a certificate's latest entry with its inclusion proof (what
 * the public record and receipts carry), and the proof endpoints. A deployment without objects has no published log.
 */
import { DomainError } from '../../shared/errors';
import type { Certificate } from '../../shared/model';
import type { PublicLogRecord } from '../../shared/transparency-log';
import { logObjectsOn } from '../transparency-log/objects';
import { consistencyProofAnswer, inclusionProofAnswer, type LogReader, logRecordFor } from '../transparency-log/proofs';
import type { Deps } from './deps';

function logReader(deps: Deps): LogReader | undefined {
  return deps.objects ? { store: deps.store, objects: logObjectsOn(deps.objects) } : undefined;
}

/** `{ log }` for a certificate that has a log entry, else nothing (a deployment with no published log). */
export async function certificateLog(deps: Deps, c: Certificate): Promise<{ log?: PublicLogRecord }> {
  const reader = logReader(deps);
  if (!reader || !c.log) return {};
  return { log: await logRecordFor(reader, c.log.index) };
}

function required(deps: Deps): LogReader {
  const reader = logReader(deps);
  if (!reader) throw new DomainError('LOG_UNAVAILABLE', 'this deployment publishes no log');
  return reader;
}

export const inclusionProofOf = (deps: Deps, index: number, size?: number) =>
  inclusionProofAnswer(required(deps), index, size);

export const consistencyProofOf = (deps: Deps, from: number, to?: number) =>
  consistencyProofAnswer(required(deps), from, to);
