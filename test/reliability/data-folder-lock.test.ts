/**
 * The data folder's lock, with real processes: one holder at a time, a holder that died gives the folder up, a pid
 * the system handed to another process does not keep a dead holder's lock, and a crowd racing for a stale lock
 * leaves exactly one holder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  DataFolderInUse,
  dataFolderOwner,
  LOCK_FILE,
  type LockOwner,
  lockDataFolder,
} from '../../functions/local/data-folder-lock';
import { processStartTime } from '../../functions/local/processes';
import { until } from '../support/process-system';

const HOLDER = fileURLToPath(new URL('../support/hold-data-folder.ts', import.meta.url));
const folders: string[] = [];
const children: ChildProcess[] = [];
const freshFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'starmark-lock-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

interface Contender {
  child: ChildProcess;
  /** The first line it printed: `held <pid>` or `refused <pid of the holder>`. */
  said: Promise<string>;
  exited: Promise<number | null>;
}

function contend(dir: string, holder: string, options: { startAt?: number; holdMs?: number } = {}): Contender {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', HOLDER, dir, holder, String(options.startAt ?? 0), String(options.holdMs ?? 60_000)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  let out = '';
  const said = new Promise<string>((resolve) => {
    child.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('close', () => resolve(out.split('\n')[0] ?? ''));
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, said, exited };
}

const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockOwner;

describe('the data folder lock', () => {
  it('refuses a second holder while the first lives, naming it, and lets it in once released', async () => {
    const dir = freshFolder();
    const first = await lockDataFolder(dir, 'npm start');
    const second = await lockDataFolder(dir, 'npm run sweep').catch((e: unknown) => e);
    expect(second).toBeInstanceOf(DataFolderInUse);
    expect((second as Error).message).toContain(`in use by npm start (pid ${process.pid}`);
    expect(dataFolderOwner(dir)?.holder).toBe('npm start');
    first.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const third = await lockDataFolder(dir, 'npm run sweep');
    expect(lockOf(dir)).toMatchObject({ holder: 'npm run sweep', pid: process.pid });
    third.release();
  });

  it('is refused to another process while its holder lives, which learns who holds it', async () => {
    const dir = freshFolder();
    const holder = contend(dir, 'npm start');
    const pid = Number((await holder.said).split(' ')[1]);
    expect(pid).toBe(holder.child.pid);
    const other = contend(dir, 'npm run seed');
    expect(await other.said).toBe(`refused ${pid}`);
    expect(await other.exited).toBe(3);
    await expect(lockDataFolder(dir, 'npm run sweep')).rejects.toThrow(`pid ${pid}`);
  });

  it('records the holder by pid and by the start time of its process', async () => {
    const dir = freshFolder();
    const holder = contend(dir, 'npm start');
    await holder.said;
    const owner = lockOf(dir);
    expect(owner.pid).toBe(holder.child.pid);
    expect(owner.processStart).toBeDefined();
    expect(owner.processStart).toBe(processStartTime(holder.child.pid!));
  });

  it('gives the folder up when its holder is killed with SIGKILL', async () => {
    const dir = freshFolder();
    const holder = contend(dir, 'npm start');
    await holder.said;
    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    expect(dataFolderOwner(dir)).toBeUndefined();
    const lock = await lockDataFolder(dir, 'npm start');
    expect(lockOf(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('gives it up when its holder ends without releasing it', async () => {
    const dir = freshFolder();
    const holder = contend(dir, 'npm run sweep', { holdMs: 10 });
    await holder.said;
    expect(await holder.exited).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('does not let a pid the system reused keep a dead holder’s lock, but does keep a live holder’s', async () => {
    const dir = freshFolder();
    const dead = contend(dir, 'npm start');
    await dead.said;
    dead.child.kill('SIGKILL');
    await dead.exited;
    // A process that started after the holder, under the holder's pid (as a reused pid would be).
    const later = spawn('sleep', ['60']);
    children.push(later);
    await until(() => processStartTime(later.pid!) !== undefined, 5000, 'sleep to start');
    const stale = { ...lockOf(dir), pid: later.pid! };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(stale));
    expect(dataFolderOwner(dir)).toBeUndefined();

    // The same pid with its own start time is a live holder.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ ...stale, processStart: processStartTime(later.pid!) }));
    expect(dataFolderOwner(dir)?.pid).toBe(later.pid);
    await expect(lockDataFolder(dir, 'npm run seed')).rejects.toBeInstanceOf(DataFolderInUse);

    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(stale));
    const lock = await lockDataFolder(dir, 'npm run seed');
    expect(lockOf(dir)).toMatchObject({ holder: 'npm run seed', pid: process.pid });
    lock.release();
  });

  it('gives a stale lock to exactly one of six processes racing for it', async () => {
    const dir = freshFolder();
    const dead = contend(dir, 'npm start');
    await dead.said;
    dead.child.kill('SIGKILL');
    await dead.exited;
    const startAt = Date.now() + 4000;
    const crowd = Array.from({ length: 6 }, (_, i) => contend(dir, `contender ${i}`, { startAt, holdMs: 8000 }));
    const said = await Promise.all(crowd.map((c) => c.said));
    const held = said.filter((s) => s.startsWith('held '));
    expect(held).toHaveLength(1);
    const winner = Number(held[0]!.split(' ')[1]);
    expect(said.filter((s) => s === `refused ${winner}`)).toHaveLength(5);
    expect(lockOf(dir).pid).toBe(winner);
    expect(existsSync(join(dir, `${LOCK_FILE}.break`))).toBe(false);
  }, 30_000);
});
