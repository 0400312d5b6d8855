/**
 * Offline-verifiable proof that an entry is in the log, in the C2SP tlog-proof text format: the entry's index, its
 * inclusion proof, and the signed checkpoint it leads to. A receipt and a certificate record carry one; the page
 * and the monitor check it with the log's verifier key alone.
 */
import { fromBase64, toBase64 } from './bytes';
import { type Hash, leafHash } from './hash';
import { verifyInclusion } from './merkle';
import { type Checkpoint, type CheckpointRefusal, type NoteVerifier, openCheckpoint } from './note';

export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';
const MAX_PROOF_HASHES = 64;

export interface LogProof {
  index: number;
  proof: Hash[];
  /** The signed checkpoint, verbatim. */
  checkpoint: string;
}

export function formatLogProof(p: LogProof): string {
  return [TLOG_PROOF_HEADER, `index ${p.index}`, ...p.proof.map(toBase64), '', p.checkpoint].join('\n');
}

export function parseLogProof(text: string): LogProof | undefined {
  const lines = text.split('\n');
  if (lines[0] !== TLOG_PROOF_HEADER) return undefined;
  let i = 1;
  if (lines[i]?.startsWith('extra ')) i++;
  const index = /^index (0|[1-9][0-9]{0,15})$/.exec(lines[i] ?? '');
  if (!index || !Number.isSafeInteger(Number(index[1]))) return undefined;
  const proof: Hash[] = [];
  for (i++; i < lines.length && lines[i] !== ''; i++) {
    const h = fromBase64(lines[i] ?? '');
    if (h?.length !== 32 || proof.length >= MAX_PROOF_HASHES) return undefined;
    proof.push(h);
  }
  if (lines[i] !== '') return undefined;
  return { index: Number(index[1]), proof, checkpoint: lines.slice(i + 1).join('\n') };
}

export type LogProofRefusal = CheckpointRefusal | 'NOT_INCLUDED';

/** Checks that `entry` is entry `index` of the tree a checkpoint signed by the log's key commits to. */
export async function verifyLogProof(
  text: string,
  entry: Uint8Array,
  verifier: NoteVerifier,
  origin: string,
): Promise<{ ok: true; index: number; checkpoint: Checkpoint } | { ok: false; code: LogProofRefusal }> {
  const parsed = parseLogProof(text);
  if (!parsed) return { ok: false, code: 'MALFORMED' };
  const opened = await openCheckpoint(parsed.checkpoint, verifier, origin);
  if (!opened.ok) return opened;
  const { checkpoint } = opened;
  const included = verifyInclusion(parsed.index, checkpoint.size, leafHash(entry), parsed.proof, checkpoint.root);
  return included ? { ok: true, index: parsed.index, checkpoint } : { ok: false, code: 'NOT_INCLUDED' };
}
