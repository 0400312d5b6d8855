/**
 * Where the local key ring keeps its keys: files under `<keysDir>/<folder>/` — `star-mark/` or `receipt/`, one per
 * ring, so the two never share a registry — (the registry, public, and one private
 * JWK per key, readable by the owner only), or memory when the system runs without a data folder, as in tests.
 * Private keys are read here and nowhere else; they are never logged and never served.
 *
 * Every change to a registry is made under `changing()`: one change at a time, across every process that opens the
 * folder (the running system, `npm run rotate-key`), by a lock file created exclusively beside the registry. The
 * registry carries a revision, and a write is refused when the revision on disk is not the one the change read, so
 * that even a writer that ignored the lock cannot make a change from a stale read.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { DomainError } from '../../../shared/errors';
import type { SigningKeyRecord } from '../../../shared/star-mark';

export interface KeyHistoryEntry {
  at: string;
  action: 'create' | 'rotate' | 'revoke';
  kid: string;
  by: string;
  reason?: string;
}

export interface RegistryFile {
  /** How many changes the registry has seen: a write must name the revision it was made from. */
  revision?: number;
  keys: SigningKeyRecord[];
  history: KeyHistoryEntry[];
}

export interface KeyFiles {
  /** A token that changes whenever the registry does, so a reader can skip re-reading it. */
  revision(): string;
  readRegistry(): RegistryFile | undefined;
  /** Writes the next revision of `from`; VERSION_CONFLICT when the registry is no longer at `from`'s revision. */
  writeRegistry(registry: RegistryFile, from: number): void;
  readPrivate(kid: string): JWK | undefined;
  writePrivate(kid: string, jwk: JWK): void;
  deletePrivate(kid: string): void;
  /** Runs a change of the registry while no other change (in this process or another) runs. */
  changing<T>(work: () => Promise<T>): Promise<T>;
}

const revisionOf = (registry: RegistryFile | undefined) => registry?.revision ?? 0;

function staleWrite(from: number, found: number): DomainError {
  return new DomainError('VERSION_CONFLICT', `the key registry is at revision ${found}, not ${from}`);
}

/** One change at a time within this process: the lock file below serializes processes. */
class Queue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

export class MemoryKeyFiles implements KeyFiles {
  private registry: RegistryFile | undefined;
  private count = 0;
  private readonly secrets = new Map<string, JWK>();
  private readonly queue = new Queue();
  revision = () => String(this.count);
  readRegistry = () => (this.registry ? structuredClone(this.registry) : undefined);
  writeRegistry(registry: RegistryFile, from: number) {
    if (revisionOf(this.registry) !== from) throw staleWrite(from, revisionOf(this.registry));
    this.registry = structuredClone({ ...registry, revision: from + 1 });
    this.count++;
  }
  readPrivate = (kid: string) => this.secrets.get(kid);
  writePrivate = (kid: string, jwk: JWK) => void this.secrets.set(kid, jwk);
  deletePrivate = (kid: string) => void this.secrets.delete(kid);
  changing<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run(work);
  }
}

/** A lock whose holder is gone (or hung) for this long is taken over; a change holds it for milliseconds. */
const LOCK_STALE_MS = 30_000;
const LOCK_WAIT_MS = 20_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DiskKeyFiles implements KeyFiles {
  private readonly dir: string;
  private readonly queue = new Queue();
  constructor(keysDir: string, folder = 'star-mark') {
    this.dir = join(keysDir, folder);
  }

  private get registryFile() {
    return join(this.dir, 'registry.json');
  }

  private get lockFile() {
    return join(this.dir, 'registry.lock');
  }

  private privateFile(kid: string) {
    // kid is a base64url thumbprint prefix; checked again here because it becomes part of a path.
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(kid)) throw new Error('bad kid');
    return join(this.dir, `${kid}.private.jwk`);
  }

  /** Written whole and renamed into place: a reader (the running system) never sees half a file. */
  private write(file: string, text: string) {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, file);
  }

  revision() {
    if (!existsSync(this.registryFile)) return 'none';
    const stat = statSync(this.registryFile);
    return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
  }

  readRegistry() {
    if (!existsSync(this.registryFile)) return undefined;
    return JSON.parse(readFileSync(this.registryFile, 'utf8')) as RegistryFile;
  }

  writeRegistry(registry: RegistryFile, from: number) {
    const found = revisionOf(this.readRegistry());
    if (found !== from) throw staleWrite(from, found);
    this.write(this.registryFile, `${JSON.stringify({ ...registry, revision: from + 1 }, null, 2)}\n`);
  }

  readPrivate(kid: string) {
    const file = this.privateFile(kid);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as JWK) : undefined;
  }

  writePrivate(kid: string, jwk: JWK) {
    this.write(this.privateFile(kid), JSON.stringify(jwk));
  }

  deletePrivate(kid: string) {
    rmSync(this.privateFile(kid), { force: true });
  }

  changing<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      const release = await this.lock();
      try {
        return await work();
      } finally {
        release();
      }
    });
  }

  /** The lock file, created exclusively (O_EXCL): exactly one process gets it; a dead holder's is taken over. */
  private async lock(): Promise<() => void> {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const nonce = randomUUID();
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(this.lockFile, 'wx', 0o600);
        writeSync(fd, JSON.stringify({ pid: process.pid, nonce, since: new Date().toISOString() }));
        closeSync(fd);
        return () => {
          // Only our own lock is removed: one taken over from us while we hung belongs to someone else now.
          if (this.lockHolder()?.nonce === nonce) rmSync(this.lockFile, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      this.breakStaleLock();
      if (Date.now() - started > LOCK_WAIT_MS)
        throw new DomainError('UNAVAILABLE', `the key registry in ${this.dir} stays locked by another change`);
      await sleep(Math.min(50, 2 + attempt * 2) * (0.5 + Math.random()));
    }
  }

  private lockHolder(): { pid?: number; nonce?: string; since?: string } | undefined {
    try {
      return JSON.parse(readFileSync(this.lockFile, 'utf8'));
    } catch {
      return undefined;
    }
  }

  private breakStaleLock() {
    let age: number;
    try {
      age = Date.now() - statSync(this.lockFile).mtimeMs;
    } catch {
      return;
    }
    const holder = this.lockHolder();
    // A lock file still being written has no holder yet: only its age can make it stale.
    const dead = typeof holder?.pid === 'number' && !alive(holder.pid);
    if (dead || age > LOCK_STALE_MS) {
      // Renamed away first, so that of two processes breaking it at once only one removes it.
      const away = `${this.lockFile}.${randomUUID()}.stale`;
      try {
        renameSync(this.lockFile, away);
      } catch {
        return; // someone else broke it first
      }
      // What was moved away may be a fresh lock taken between our look and the rename: put that one back.
      let moved: { nonce?: string } | undefined;
      try {
        moved = JSON.parse(readFileSync(away, 'utf8'));
      } catch {
        moved = undefined;
      }
      if (moved?.nonce !== undefined && moved.nonce !== holder?.nonce) {
        try {
          linkSync(away, this.lockFile);
        } catch {
          // a newer lock is already in place
        }
      }
      rmSync(away, { force: true });
    }
  }
}
