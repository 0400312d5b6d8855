/**
 * Proofs from the published log, for the public function: it reads the head (the latest signed checkpoint) and the
 * entries from the table and the hash tiles from the log's objects, exactly what a monitor would read, so a proof it
 * serves is only as good as the published tiles. Read-only: nothing here writes.
 */
import { DomainError } from '../../shared/errors';
import { keys } from '../../shared/store/keys';
import type { RegistryStore } from '../../shared/store/port';
import {
  consistencyProof,
  entryBytesOf,
  formatLogProof,
  inclusionProof,
  MissingTile,
  type NodeReader,
  type PublicLogRecord,
  tileNodeReader,
  toBase64,
  utf8,
} from '../../shared/transparency-log';
import { type LogHead, readLogHead } from './integrator';
import type { LogObjects } from './objects';

export interface LogReader {
  store: RegistryStore;
  objects: LogObjects;
}

const readerOf = (log: LogReader, size: number): NodeReader => tileNodeReader(size, (path) => log.objects.get(path));

async function entryAt(log: LogReader, index: number): Promise<Uint8Array | undefined> {
  const { pk, sk } = keys.logEntry(index);
  return entryBytesOf(await log.store.getItem(pk, sk));
}

/** The log's word on the certificate whose latest entry is `index` (what its public record and receipts carry). */
export async function logRecordFor(log: LogReader, index: number, known?: LogHead): Promise<PublicLogRecord> {
  const head = known ?? (await readLogHead(log.store));
  if (!head || index >= head.size) return { state: 'pending', index };
  const entry = await entryAt(log, index);
  if (!entry) return { state: 'unavailable', index };
  try {
    const proof = await inclusionProof(readerOf(log, head.size), index, head.size);
    return {
      state: 'included',
      index,
      entry: utf8.decode(entry),
      proof: formatLogProof({ index, proof, checkpoint: head.checkpoint }),
      checkpointAt: head.signedAt,
    };
  } catch (error) {
    // A tile the head needs is gone or malformed: say so rather than fail the whole record.
    if (error instanceof MissingTile) return { state: 'unavailable', index };
    throw error;
  }
}

export interface HeadAnswer {
  size: number;
  checkpoint: string;
  checkpointAt: string;
}

async function headOf(log: LogReader, size: number | undefined): Promise<{ head: LogHead; size: number }> {
  const head = await readLogHead(log.store);
  const current = head?.size ?? 0;
  if (!head || current === 0) throw new DomainError('LOG_TREE_SIZE', 'the log has no signed checkpoint yet');
  if (size !== undefined && size > current)
    throw new DomainError('LOG_TREE_SIZE', `the latest checkpoint has ${current} entries, fewer than ${size}`);
  return { head, size: size ?? current };
}

/** What a proof answer states about the tree it proves against: the signed checkpoint when that is the latest. */
const treeOf = (head: LogHead, size: number): HeadAnswer | { size: number } =>
  size === head.size ? { size, checkpoint: head.checkpoint, checkpointAt: head.signedAt } : { size };

async function tiled<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MissingTile) throw new DomainError('LOG_UNAVAILABLE', error.message);
    throw error;
  }
}

/** Entry `index`, its leaf's path to the root of the tree of `size` (default: the latest checkpoint). */
export async function inclusionProofAnswer(log: LogReader, index: number, size?: number) {
  const { head, size: treeSize } = await headOf(log, size);
  if (index >= treeSize) throw new DomainError('LOG_TREE_SIZE', `no entry ${index} in a tree of ${treeSize}`);
  const entry = await entryAt(log, index);
  if (!entry) throw new DomainError('LOG_UNAVAILABLE', `log entry ${index} cannot be read`);
  const proof = await tiled(() => inclusionProof(readerOf(log, head.size), index, treeSize));
  return {
    index,
    entry: utf8.decode(entry),
    proof: proof.map(toBase64),
    tree: treeOf(head, treeSize),
    ...(treeSize === head.size ? { tlogProof: formatLogProof({ index, proof, checkpoint: head.checkpoint }) } : {}),
  };
}

/** The proof that the tree of `to` (default: the latest checkpoint) extends the tree of `from`. */
export async function consistencyProofAnswer(log: LogReader, from: number, to?: number) {
  const { head, size } = await headOf(log, to);
  if (from > size) throw new DomainError('LOG_TREE_SIZE', `a tree of ${from} does not precede one of ${size}`);
  const proof = await tiled(() => consistencyProof(readerOf(log, head.size), from, size));
  return { from, to: size, proof: proof.map(toBase64), tree: treeOf(head, size) };
}
