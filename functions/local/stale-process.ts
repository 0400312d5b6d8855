/**
 * A `kill -9` of `npm start` cannot stop its DynamoDB Local child, which then keeps the data folder and the port.
 * The child's pid is kept in the data folder; the next holder of the folder's lock ends a leftover that is provably
 * ours (a DynamoDB Local on that folder) before it starts a new one. Holding the lock is what makes it a leftover:
 * the process that started it is gone, or the lock would not have been given. Nothing else is ever signalled.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandOf } from './processes';

const PID_FILE = 'dynamodb-local.pid';

export async function endLeftoverDynamoDbLocal(dir: string): Promise<boolean> {
  const file = join(dir, PID_FILE);
  if (!existsSync(file)) return false;
  const pid = Number(readFileSync(file, 'utf8').trim());
  rmSync(file, { force: true });
  const command = Number.isInteger(pid) && pid > 0 ? commandOf(pid) : null;
  if (!command?.includes('DynamoDBLocal.jar') || !command.includes(dir)) return false;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && commandOf(pid) !== null; i++) await new Promise((r) => setTimeout(r, 100));
  if (commandOf(pid) !== null) process.kill(pid, 'SIGKILL');
  return true;
}

export function rememberDynamoDbLocal(dir: string, pid: number | undefined): void {
  if (pid) writeFileSync(join(dir, PID_FILE), String(pid));
}

export function forgetDynamoDbLocal(dir: string): void {
  rmSync(join(dir, PID_FILE), { force: true });
}
