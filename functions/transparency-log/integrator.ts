/**
 * The log's integrator: the one writer that hashes assigned entries into tiles and signs the checkpoint. One at a
 * time, by a conditional lease with a fencing token; the head (size, root, signed checkpoint) moves forward only in a
 * transaction that checks the lease is still ours and that the head is where we read it. Every step before that
 * commit writes files that depend only on the entries, and the checkpoint file is published from the head, so a crash
 * at any point leaves a state the next run finishes: nothing is lost, nothing is signed twice differently.
 */
import { randomUUID } from 'node:crypto';
import { keys, LOG_INDEX_COUNTER } from '../../shared/store/keys';
import type { RegistryStore } from '../../shared/store/port';
import {
  entryBytesOf,
  formatCheckpoint,
  formatVerifierKey,
  integrate,
  type NoteSigner,
  type NoteVerifier,
  signNote,
  TILE_WIDTH,
  toBase64,
  utf8,
} from '../../shared/transparency-log';
import { CHECKPOINT_PATH, type LogObjects, VERIFIER_KEY_PATH } from './objects';

export const LOG_HEAD_ENTITY = 'loghead';

export interface LogHead {
  size: number;
  /** Base64 root hash. */
  root: string;
  /** The signed checkpoint note of this size. */
  checkpoint: string;
  /** When it was signed (ISO): what the page shows as "checkpoint of <time>". */
  signedAt: string;
}

export type IntegrationStep = 'leased' | 'read' | 'tiles' | 'signed' | 'committed' | 'published';

export interface IntegratorDeps {
  store: RegistryStore;
  objects: LogObjects;
  signer: NoteSigner;
  verifier: NoteVerifier;
  /** The registry's clock: dates the checkpoint. */
  clock: () => Date;
  /** Wall-clock milliseconds for the lease, which is about real time between processes (default Date.now). */
  leaseClock?: () => number;
  /** Who holds the lease: unique per integrator instance. */
  holder?: string;
  leaseMs?: number;
  /** Entries per round: bounds memory and keeps a round well inside the lease. */
  batch?: number;
  /** Called after each step: tests inject crashes and pauses here. */
  after?: (step: IntegrationStep) => Promise<void>;
}

export type IntegrationResult = { busy: true } | { busy: false; size: number; added: number };

const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_BATCH = 16_384;

export async function readLogHead(store: RegistryStore): Promise<LogHead | undefined> {
  const { pk, sk } = keys.logHead();
  const item = await store.getItem(pk, sk);
  if (item?.entity !== LOG_HEAD_ENTITY) return undefined;
  return {
    size: Number(item.size),
    root: String(item.root),
    checkpoint: String(item.checkpoint),
    signedAt: String(item.signedAt),
  };
}

/** Entries [from, to) from their items; a missing one is an error, never a gap in the log. */
export async function readLogEntries(store: RegistryStore, from: number, to: number): Promise<Uint8Array[]> {
  const found = new Map<number, Uint8Array>();
  for (let bundle = Math.floor(from / TILE_WIDTH); bundle * TILE_WIDTH < to; bundle++) {
    let cursor: string | undefined;
    do {
      const page = await store.queryItems(keys.logBundle(bundle), { limit: TILE_WIDTH, cursor });
      for (const item of page.items) {
        const bytes = entryBytesOf(item);
        const index = Number(item.index);
        if (bytes && index >= from && index < to) found.set(index, bytes);
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return Array.from({ length: to - from }, (_, i) => {
    const bytes = found.get(from + i);
    if (!bytes) throw new Error(`log entry ${from + i} is missing from the table`);
    return bytes;
  });
}

export async function integrateLog(deps: IntegratorDeps): Promise<IntegrationResult> {
  // Idle: nothing assigned beyond the head and the checkpoint is out. No lease, no write: a schedule costs reads only.
  const seen = await readLogHead(deps.store);
  const assigned = await deps.store.readCounter(LOG_INDEX_COUNTER);
  if ((seen?.size ?? 0) >= assigned && (await published(deps, seen))) {
    return { busy: false, size: seen?.size ?? 0, added: 0 };
  }
  const holder = deps.holder ?? randomUUID();
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const wall = deps.leaseClock ?? Date.now;
  const lease = await takeLease(deps.store, holder, leaseMs, wall);
  if (lease === undefined) return { busy: true };
  const step = async (s: IntegrationStep) => deps.after?.(s);
  try {
    await step('leased');
    const start = await readLogHead(deps.store);
    let head = start;
    for (;;) {
      const assigned = await deps.store.readCounter(LOG_INDEX_COUNTER);
      const size = head?.size ?? 0;
      if (assigned <= size) break;
      const to = Math.min(assigned, size + (deps.batch ?? DEFAULT_BATCH));
      const entries = await readLogEntries(deps.store, size, to);
      await step('read');
      const out = await integrate(size, entries, (path) => deps.objects.get(path));
      for (const file of out.files) await deps.objects.put(file.path, file.data);
      await step('tiles');
      const origin = deps.signer.name;
      const checkpoint = await signNote(formatCheckpoint({ origin, size: out.size, root: out.root }), deps.signer);
      await step('signed');
      const now = wall();
      const next: LogHead = {
        size: out.size,
        root: toBase64(out.root),
        checkpoint,
        signedAt: deps.clock().toISOString(),
      };
      await deps.store.commit({
        writes: [
          {
            kind: 'advance',
            value: { ...keys.logHead(), entity: LOG_HEAD_ENTITY, step: out.size, ...next },
            from: head ? head.size : null,
          },
          // Fenced: only while the lease is still ours under this token (or lapsed and taken by no one), and it runs
          // on for the next round.
          {
            kind: 'lease',
            key: keys.logLease(),
            holder,
            token: lease,
            now,
            expiresAt: now + leaseMs,
          },
        ],
      });
      head = next;
      await step('committed');
    }
    if (head) await publish(deps, head);
    await step('published');
    return { busy: false, size: head?.size ?? 0, added: (head?.size ?? 0) - (start?.size ?? 0) };
  } finally {
    await releaseLease(deps.store, holder, lease, wall).catch(() => undefined);
  }
}

/** True when the files out are the head's checkpoint and the log's key (or there is no head yet, so nothing). */
async function published(deps: IntegratorDeps, head: LogHead | undefined): Promise<boolean> {
  if (!head) return true;
  const [checkpoint, key] = [await deps.objects.get(CHECKPOINT_PATH), await deps.objects.get(VERIFIER_KEY_PATH)];
  return (
    checkpoint !== undefined &&
    utf8.decode(checkpoint) === head.checkpoint &&
    key !== undefined &&
    utf8.decode(key) === `${formatVerifierKey(deps.verifier)}\n`
  );
}

/** The checkpoint file follows the head (also after a crash between the commit and the publish), with the key. */
async function publish(deps: IntegratorDeps, head: LogHead): Promise<void> {
  const key = utf8.encode(`${formatVerifierKey(deps.verifier)}\n`);
  const publishedKey = await deps.objects.get(VERIFIER_KEY_PATH);
  if (!publishedKey || utf8.decode(publishedKey) !== utf8.decode(key)) await deps.objects.put(VERIFIER_KEY_PATH, key);
  // Read again just before writing: a writer that paused here must not put back an older checkpoint.
  const latest = (await readLogHead(deps.store)) ?? head;
  const published = await deps.objects.get(CHECKPOINT_PATH);
  if (!published || utf8.decode(published) !== latest.checkpoint) {
    await deps.objects.put(CHECKPOINT_PATH, utf8.encode(latest.checkpoint));
  }
}

/** The fencing token of a lease now ours, or undefined while another integrator holds it. */
async function takeLease(
  store: RegistryStore,
  holder: string,
  leaseMs: number,
  wall: () => number,
): Promise<number | undefined> {
  const { pk, sk } = keys.logLease();
  const item = await store.getItem(pk, sk);
  const now = wall();
  const ours = item?.holder === holder;
  if (item && !ours && Number(item.leaseExpiresAt) >= now) return undefined;
  const token = ours ? Number(item.token) : Number(item?.token ?? 0) + 1;
  try {
    await store.commit({
      writes: [{ kind: 'lease', key: { pk, sk }, holder, token, now, expiresAt: now + leaseMs }],
    });
    return token;
  } catch (error) {
    if ((error as { code?: string }).code === 'VERSION_CONFLICT') return undefined;
    throw error;
  }
}

async function releaseLease(store: RegistryStore, holder: string, token: number, wall: () => number): Promise<void> {
  const now = wall();
  await store.commit({ writes: [{ kind: 'lease', key: keys.logLease(), holder, token, now, expiresAt: 0 }] });
}
