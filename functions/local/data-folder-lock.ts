/**
 * `<data>/starmark.lock`: who has the data folder. DynamoDB Local cannot share its files, and the start-up reclaims
 * a DynamoDB Local left behind on them, so exactly one process may have a folder at a time: `npm start`, or a tool
 * (`npm run sweep`, `npm run seed`, `npm run rotate-key`) working on the files while no system runs.
 *
 * The lock is a file created whole and linked into place, which fails when one exists (link(2) is atomic and never
 * replaces), so two starts racing for a folder get one winner. It names its owner by pid and by the process's start
 * time: a lock is stale only when that process is gone, and a pid the system has since given to another process
 * does not keep it alive. A running system also records in it where it answers, so the tools use it instead.
 */
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { processAlive, processStartTime } from './processes';
import { LocalRuntimeError } from './runtime-error';

export const LOCK_FILE = 'starmark.lock';

/** Where a system holding the folder answers: the tools reach its DynamoDB Local rather than start their own. */
export interface RunningSystem {
  url: string;
  dynamoEndpoint: string;
  /** The local S3 server of the registry's objects (absent in a lock written before it existed). */
  s3Endpoint?: string;
  tableName: string;
  certificatePrefix: string;
}

export interface LockOwner {
  /** What holds the folder, for a person: `npm start`, `npm run sweep`, … */
  holder: string;
  pid: number;
  /** The owner's start time as the operating system tells it; absent where it cannot. */
  processStart?: string;
  command: string;
  since: string;
  nonce: string;
  system?: RunningSystem;
}

export interface DataFolderLock {
  readonly dataDir: string;
  readonly owner: LockOwner;
  /** Records where the system that holds the folder answers. */
  announce(system: RunningSystem): void;
  release(): void;
}

/** The folder is held by a live process: nothing was touched. */
export class DataFolderInUse extends LocalRuntimeError {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The data folder ${dataDir} is in use by ${owner.holder} (pid ${owner.pid}, since ${owner.since}` +
        `${owner.system ? `, answering at ${owner.system.url}` : ''}).\n` +
        '  Nothing was changed. Stop that process first, or use another folder with --data <dir>.',
    );
  }
}

const BREAK_TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface LockText {
  text: string;
  owner?: LockOwner;
}

function readLock(file: string): LockText | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return { text, ...(Number.isInteger(owner.pid) && owner.pid > 0 ? { owner } : {}) };
  } catch {
    return { text };
  }
}

/** Alive: the pid exists and, where the start time can be read, it is still the process that took the lock. */
function ownerAlive(owner: LockOwner): boolean {
  if (!processAlive(owner.pid)) return false;
  if (!owner.processStart) return true;
  const started = processStartTime(owner.pid);
  return started === undefined || started === owner.processStart;
}

/** The live process holding the folder, if any (a stale lock counts as none). */
export function dataFolderOwner(dataDir: string): LockOwner | undefined {
  const owner = readLock(join(resolve(dataDir), LOCK_FILE))?.owner;
  return owner && ownerAlive(owner) ? owner : undefined;
}

/**
 * Removes a stale lock, unless someone replaced it meanwhile. Removal happens only inside a breaker directory
 * (mkdir is atomic too), after reading the lock again: two processes that both found the same stale lock cannot
 * remove the fresh lock one of them then took.
 */
async function breakStaleLock(file: string, stale: LockText): Promise<void> {
  const breaker = `${file}.break`;
  try {
    mkdirSync(breaker);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Breaking takes milliseconds; a breaker this old belongs to a process that died doing it.
    const age = Date.now() - (statSync(breaker, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > BREAK_TIMEOUT_MS) rmSync(breaker, { recursive: true, force: true });
    await sleep(20 + Math.random() * 30);
    return;
  }
  try {
    if (readLock(file)?.text === stale.text) rmSync(file, { force: true });
  } finally {
    rmSync(breaker, { recursive: true, force: true });
  }
}

/** Takes the folder for `holder`, or throws DataFolderInUse naming the live owner. Released on exit at the latest. */
export async function lockDataFolder(dataDir: string, holder: string): Promise<DataFolderLock> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const processStart = processStartTime(process.pid);
  let owner: LockOwner = {
    holder,
    pid: process.pid,
    ...(processStart ? { processStart } : {}),
    command: process.argv.slice(1).join(' '),
    since: new Date().toISOString(),
    nonce: randomUUID(),
  };
  const draft = `${file}.${owner.nonce}`;
  writeFileSync(draft, JSON.stringify(owner), { mode: 0o600, flag: 'wx' });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readLock(file);
      if (current?.owner && ownerAlive(current.owner)) throw new DataFolderInUse(dir, current.owner);
      if (attempt > 200) throw new LocalRuntimeError(`Could not take the lock ${file}; remove it if nothing runs.`);
      if (current) await breakStaleLock(file, current);
    }
  } finally {
    rmSync(draft, { force: true });
  }

  const ours = () => readLock(file)?.owner?.nonce === owner.nonce;
  const release = () => {
    process.removeListener('exit', release);
    if (ours()) rmSync(file, { force: true });
  };
  process.once('exit', release);
  return {
    dataDir: dir,
    get owner() {
      return owner;
    },
    announce(system) {
      if (!ours()) throw new LocalRuntimeError(`The lock ${file} is no longer ours`);
      owner = { ...owner, system };
      const temp = `${file}.${owner.nonce}.tmp`;
      writeFileSync(temp, JSON.stringify(owner), { mode: 0o600 });
      renameSync(temp, file);
    },
    release,
  };
}
