/** What the operating system says about a process: whether it lives, when it started, what it runs. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The process's start time, which a pid handed to a new process does not share: on Linux the starttime field of
 * /proc/<pid>/stat (clock ticks since boot), elsewhere what `ps` says; undefined for a process that is gone, or
 * where neither can be read.
 */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces; the fields after it start at field 3 (state).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ? `proc:${fields[19]}` : undefined;
  } catch {
    if (process.platform === 'linux') return undefined;
  }
  const ps = spawnSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8' });
  const started = ps.status === 0 ? ps.stdout.trim() : '';
  return started ? `ps:${started}` : undefined;
}

/** The command line of a live process, or null when there is none. */
export function commandOf(pid: number): string | null {
  const ps = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
  return ps.status === 0 ? ps.stdout.trim() : null;
}
