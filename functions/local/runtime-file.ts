/**
 * `<data>/runtime.json`: written by `npm start` while it runs, so that `npm run sweep` and `npm run seed` use the
 * running system's DynamoDB Local instead of starting a second one on the same files (which DynamoDB Local cannot
 * share). A file left behind by a crash is recognised by its dead process and ignored.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RuntimeInfo {
  pid: number;
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  certificatePrefix: string;
  startedAt: string;
}

const fileOf = (dataDir: string) => join(dataDir, 'runtime.json');

export function writeRuntimeInfo(dataDir: string, info: RuntimeInfo): void {
  writeFileSync(fileOf(dataDir), JSON.stringify(info, null, 2), { mode: 0o600 });
}

export function removeRuntimeInfo(dataDir: string): void {
  rmSync(fileOf(dataDir), { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readRuntimeInfo(dataDir: string): RuntimeInfo | undefined {
  const file = fileOf(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
    return typeof info.pid === 'number' && alive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}
