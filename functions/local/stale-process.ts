/**
 * A `kill -9` of `npm start` cannot stop its DynamoDB Local child, which then keeps the data folder and the port.
 * The child's pid is kept in the data folder; the next start ends a leftover that is provably ours (a DynamoDB Local
 * on that folder) before it starts a new one. Nothing else is ever signalled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PID_FILE = 'dynamodb-local.pid';

function commandOf(pid: number): string | null {
  const ps = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
  return ps.status === 0 ? ps.stdout.trim() : null;
}

export async function endLeftoverDynamoDbLocal(dataDir: string): Promise<boolean> {
  const file = join(dataDir, PID_FILE);
  if (!existsSync(file)) return false;
  const pid = Number(readFileSync(file, 'utf8').trim());
  rmSync(file, { force: true });
  const command = Number.isInteger(pid) && pid > 0 ? commandOf(pid) : null;
  if (!command?.includes('DynamoDBLocal.jar') || !command.includes(dataDir)) return false;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && commandOf(pid) !== null; i++) await new Promise((r) => setTimeout(r, 100));
  if (commandOf(pid) !== null) process.kill(pid, 'SIGKILL');
  return true;
}

export function rememberDynamoDbLocal(dataDir: string, pid: number | undefined): void {
  if (pid) writeFileSync(join(dataDir, PID_FILE), String(pid));
}

export function forgetDynamoDbLocal(dataDir: string): void {
  rmSync(join(dataDir, PID_FILE), { force: true });
}
