/**
 * The log monitor: fetches the checkpoint, checks its signature with the published (or pinned) key, checks that it
 * extends the last checkpoint it saw, downloads every entry bundle, recomputes the root from the entries themselves,
 * replays them into each certificate's public state, and compares the public records with what the log says. Any
 * fork, rewritten entry, bad signature or unexplained status is a finding.
 *
 * Pure: it reads through a `MonitorSource`, so the same code runs over HTTP (`npm run monitor`, the bundle) and in
 * the daily sweep, which reads the published objects and the public records of its own deployment.
 */
import { effectiveStatus, type PublicCertificate } from '../public-record';
import { equalBytes, toBase64, utf8 } from './bytes';
import { type Hash, leafHash } from './hash';
import { memoryTreeReader } from './memory-tree';
import { type NodeReader, treeHash } from './merkle';
import { openCheckpoint, parseVerifierKey } from './note';
import { type CertificateState, replayEntry, unexplainedFields } from './replay';
import { decodeEntryBundle, entryBundlePath, TILE_HEIGHT, TILE_WIDTH, tilePath, tileWidth } from './tiles';

/** The last checkpoint a monitor verified, and the key it pinned: what the next run must be consistent with. */
export interface MonitorState {
  origin: string;
  vkey: string;
  size: number;
  /** Base64 root hash of the tree of `size`. */
  root: string;
}

/** A public record as the registry answers it, with the index of the certificate's latest log entry if it says. */
export interface MonitoredRecord {
  record: PublicCertificate;
  latestEntry?: number;
}

/** Where the monitor reads what the public reads. */
export interface MonitorSource {
  /** A published log file by its path under /log/ (`key`, `checkpoint`, a tile or bundle); undefined when absent. */
  logFile(path: string): Promise<Uint8Array | undefined>;
  /** The public records of these certificates; a certificate the registry has no record of is left out. */
  records(numbers: readonly string[]): Promise<Map<string, MonitoredRecord>>;
}

export interface MonitorReport {
  ok: boolean;
  findings: string[];
  size: number;
  /** Records compared with the log. */
  checked: number;
  /** Records whose latest entry is newer than the checkpoint (not integrated yet): compared on a later run. */
  pending: number;
  /** The state to keep for the next run: only when nothing was found. */
  state?: MonitorState;
}

/** Records asked for at once (one batch read in the sweep). */
const RECORD_BATCH = 100;

export async function monitorLog(options: {
  source: MonitorSource;
  state?: MonitorState;
  sample?: number;
  now: Date;
}): Promise<MonitorReport> {
  const { source, state: old, now } = options;
  const findings: string[] = [];
  const failed = (finding: string): MonitorReport => ({
    ok: false,
    findings: [...findings, finding],
    size: 0,
    checked: 0,
    pending: 0,
  });
  // The key: pinned by the state after the first run; a key that changed is itself a finding.
  const servedKey = await source.logFile('key');
  if (!servedKey) return failed('the log publishes no verifier key at /log/key');
  const served = utf8.decode(servedKey).trim();
  const vkey = old?.vkey ?? served;
  if (served !== vkey) findings.push(`the log's verifier key changed: pinned ${vkey}, served ${served}`);
  const verifier = parseVerifierKey(vkey);
  if (!verifier) return failed('the verifier key is malformed');
  const origin = old?.origin ?? verifier.name;
  const note = await source.logFile('checkpoint');
  if (!note) return failed('the log publishes no checkpoint at /log/checkpoint');
  const opened = await openCheckpoint(utf8.decode(note), verifier, origin);
  if (!opened.ok) return failed(`bad checkpoint: ${opened.code}`);
  const { checkpoint } = opened;

  const leaves: Hash[] = [];
  const logged = new Map<string, CertificateState>();
  for (let bundle = 0; bundle * TILE_WIDTH < checkpoint.size; bundle++) {
    const width = tileWidth(0, bundle, checkpoint.size);
    const published = await source.logFile(entryBundlePath(bundle, width));
    const entries = published ? decodeEntryBundle(published) : undefined;
    if (!entries || entries.length !== width) {
      findings.push(`entry bundle ${bundle} is malformed or has the wrong number of entries`);
      break;
    }
    for (const [i, entry] of entries.entries()) {
      const index = bundle * TILE_WIDTH + i;
      leaves.push(leafHash(entry));
      const problem = replayEntry(logged, index, entry);
      if (problem) findings.push(`entry ${index}: ${problem.code} ${JSON.stringify(problem)}`);
    }
  }
  if (leaves.length === checkpoint.size) {
    const read = memoryTreeReader(leaves);
    if (toBase64(await treeHash(read, checkpoint.size)) !== toBase64(checkpoint.root)) {
      findings.push('the entries do not hash to the checkpoint root: an entry was rewritten or removed');
    }
    findings.push(...(await tileFindings(read, checkpoint.size, source)));
    if (old) {
      if (checkpoint.size < old.size) findings.push(`the log shrank from ${old.size} to ${checkpoint.size} entries`);
      else if (toBase64(await treeHash(read, old.size)) !== old.root) {
        findings.push(`fork: the first ${old.size} entries no longer hash to the root seen before`);
      }
    }
  }
  // The registry's public records must say what the log says.
  const numbers = [...logged.keys()].slice(0, options.sample ?? Number.POSITIVE_INFINITY);
  let checked = 0;
  let pending = 0;
  for (let start = 0; start < numbers.length; start += RECORD_BATCH) {
    const batch = numbers.slice(start, start + RECORD_BATCH);
    const found = await source.records(batch);
    for (const number of batch) {
      const answer = found.get(number);
      if (!answer) {
        findings.push(`${number}: in the log, but the registry has no record`);
        continue;
      }
      // Changed after this checkpoint was signed: its entry is not in the tree yet, so the log cannot explain it.
      if (answer.latestEntry !== undefined && answer.latestEntry >= checkpoint.size) {
        pending++;
        continue;
      }
      checked++;
      const { facts } = logged.get(number) as CertificateState;
      const fields = unexplainedFields(facts, answer.record, now);
      if (fields.length) {
        findings.push(
          `${number}: the record shows ${fields.join(', ')} that the log does not explain ` +
            `(log: ${effectiveStatus(facts, now)}, record: ${answer.record.status})`,
        );
      }
    }
  }
  const ok = findings.length === 0;
  return {
    ok,
    findings,
    size: checkpoint.size,
    checked,
    pending,
    ...(ok ? { state: { origin, vkey, size: checkpoint.size, root: toBase64(checkpoint.root) } } : {}),
  };
}

/**
 * Every hash tile of the tree, as published, against the hashes recomputed from the entries: an edited or deleted
 * tile would hand out proofs that fail (or none), even while the entry bundles are intact.
 */
async function tileFindings(read: NodeReader, size: number, source: MonitorSource): Promise<string[]> {
  const findings: string[] = [];
  for (let level = 0; tileWidth(level, 0, size) > 0; level++) {
    for (let index = 0; tileWidth(level, index, size) > 0; index++) {
      const width = tileWidth(level, index, size);
      const path = tilePath(level, index, width);
      const tile = await source.logFile(path);
      if (!tile) {
        findings.push(`hash tile ${path} is missing`);
        continue;
      }
      const expected = await Promise.all(
        Array.from({ length: width }, (_, i) => read(level * TILE_HEIGHT, index * TILE_WIDTH + i)),
      );
      const same =
        tile.length === width * 32 && expected.every((h, i) => equalBytes(h, tile.slice(i * 32, i * 32 + 32)));
      if (!same) findings.push(`hash tile ${path} does not match the entries: it was edited`);
    }
  }
  return findings;
}
