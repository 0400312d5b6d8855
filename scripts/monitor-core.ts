/**
 * The log monitor: fetches the checkpoint, checks its signature with the published (or pinned) key, checks that it
 * extends the last checkpoint it saw (kept in a state file), downloads every entry bundle, recomputes the root from
 * the entries themselves, replays them into each certificate's public state, and compares a sample of public
 * records with what the log says. Any fork, rewritten entry, bad signature or unexplained status is a finding.
 */
import { effectiveStatus } from '../shared/public-record';
import {
  type CertificateState,
  decodeEntryBundle,
  entryBundlePath,
  equalBytes,
  fromBase64,
  leafHash,
  openCheckpoint,
  parseVerifierKey,
  replayEntry,
  TILE_HEIGHT,
  tilePath,
  tileWidth,
  toBase64,
  treeHash,
  unexplainedFields,
} from '../shared/transparency-log';
import { memoryTreeReader } from './monitor-tree';

export interface MonitorState {
  origin: string;
  vkey: string;
  size: number;
  root: string;
}

export interface MonitorReport {
  ok: boolean;
  findings: string[];
  size: number;
  checked: number;
  state?: MonitorState;
}

export async function monitorLog(options: {
  baseUrl: string;
  state?: MonitorState;
  sample?: number;
  now?: Date;
  fetchImpl?: typeof fetch;
}): Promise<MonitorReport> {
  const get = options.fetchImpl ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const findings: string[] = [];
  const text = async (path: string) => {
    const res = await get(`${base}${path}`);
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return res.text();
  };
  const bytes = async (path: string) => {
    const res = await get(`${base}${path}`);
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  // A published file that is gone is a finding about the log, not a failure of the monitor.
  const file = (path: string) => bytes(path).catch(() => undefined);
  // The key: pinned by the state file after the first run; a key that changed is itself a finding.
  const served = (await text('/log/key')).trim();
  const vkey = options.state?.vkey ?? served;
  if (served !== vkey) findings.push(`the log's verifier key changed: pinned ${vkey}, served ${served}`);
  const verifier = parseVerifierKey(vkey);
  if (!verifier) return { ok: false, findings: [...findings, 'the verifier key is malformed'], size: 0, checked: 0 };
  const origin = options.state?.origin ?? verifier.name;
  const opened = await openCheckpoint(await text('/log/checkpoint'), verifier, origin);
  if (!opened.ok) return { ok: false, findings: [...findings, `bad checkpoint: ${opened.code}`], size: 0, checked: 0 };
  const { checkpoint } = opened;

  const leaves: Uint8Array[] = [];
  const state = new Map<string, CertificateState>();
  for (let bundle = 0; bundle * 256 < checkpoint.size; bundle++) {
    const width = tileWidth(0, bundle, checkpoint.size);
    const published = await file(`/log/${entryBundlePath(bundle, width)}`);
    const entries = published ? decodeEntryBundle(published) : undefined;
    if (!entries || entries.length !== width) {
      findings.push(`entry bundle ${bundle} is malformed or has the wrong number of entries`);
      break;
    }
    for (const [i, entry] of entries.entries()) {
      const index = bundle * 256 + i;
      leaves.push(leafHash(entry));
      const problem = replayEntry(state, index, entry);
      if (problem) findings.push(`entry ${index}: ${problem.code} ${JSON.stringify(problem)}`);
    }
  }
  if (leaves.length === checkpoint.size) {
    const read = memoryTreeReader(leaves);
    if (toBase64(await treeHash(read, checkpoint.size)) !== toBase64(checkpoint.root)) {
      findings.push('the entries do not hash to the checkpoint root: an entry was rewritten or removed');
    }
    findings.push(...(await tileFindings(read, checkpoint.size, file)));
    const old = options.state;
    if (old) {
      if (checkpoint.size < old.size) findings.push(`the log shrank from ${old.size} to ${checkpoint.size} entries`);
      else if (toBase64(await treeHash(read, old.size)) !== old.root) {
        findings.push(`fork: the first ${old.size} entries no longer hash to the root seen before`);
      }
    }
  }
  // The registry's public records must say what the log says.
  const now = options.now ?? new Date();
  const numbers = [...state.keys()].slice(0, options.sample ?? Number.POSITIVE_INFINITY);
  for (const number of numbers) {
    const res = await get(`${base}/v1/certificates/${encodeURIComponent(number)}`);
    const logged = state.get(number)!;
    if (res.status === 404) {
      findings.push(`${number}: in the log, but the registry has no record`);
      continue;
    }
    const record = await res.json();
    const fields = unexplainedFields(logged.facts, record, now);
    if (fields.length) {
      findings.push(
        `${number}: the record shows ${fields.map((f) => `${f}`).join(', ')} that the log does not explain ` +
          `(log: ${effectiveStatus(logged.facts, now)}, record: ${record.status})`,
      );
    }
  }
  const ok = findings.length === 0;
  return {
    ok,
    findings,
    size: checkpoint.size,
    checked: numbers.length,
    ...(ok ? { state: { origin, vkey, size: checkpoint.size, root: toBase64(checkpoint.root) } } : {}),
  };
}

/**
 * Every hash tile of the tree, as published, against the hashes recomputed from the entries: an edited or deleted
 * tile would hand out proofs that fail (or none), even while the entry bundles are intact.
 */
async function tileFindings(
  read: ReturnType<typeof memoryTreeReader>,
  size: number,
  file: (path: string) => Promise<Uint8Array | undefined>,
): Promise<string[]> {
  const findings: string[] = [];
  for (let level = 0; tileWidth(level, 0, size) > 0; level++) {
    for (let index = 0; tileWidth(level, index, size) > 0; index++) {
      const width = tileWidth(level, index, size);
      const path = tilePath(level, index, width);
      const tile = await file(`/log/${path}`);
      if (!tile) {
        findings.push(`hash tile ${path} is missing`);
        continue;
      }
      const expected = await Promise.all(
        Array.from({ length: width }, (_, i) => read(level * TILE_HEIGHT, index * 256 + i)),
      );
      const same =
        tile.length === width * 32 && expected.every((h, i) => equalBytes(h, tile.slice(i * 32, i * 32 + 32)));
      if (!same) findings.push(`hash tile ${path} does not match the entries: it was edited`);
    }
  }
  return findings;
}

export { fromBase64 };
