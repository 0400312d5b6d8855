/**
 * The registry of a local data folder, for the command-line tools (`npm run sweep`, `npm run seed`): the running
 * system's DynamoDB Local when a system holds the folder (its lock says where it answers), otherwise DynamoDB Local
 * started here on the folder's files, under the folder's lock, and stopped again when the tool is done. A folder
 * held by anything else (another tool, a system still starting) is refused: never two DynamoDB Locals on one folder.
 */

import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { S3ObjectStore } from '../functions/adapters/s3/s3-object-store';
import { loadLocalCertificationBody } from '../functions/local/certification-body-file';
import {
  DataFolderInUse,
  type DataFolderLock,
  lockDataFolder,
  type RunningSystem,
} from '../functions/local/data-folder-lock';
import { devDirectory } from '../functions/local/dev-directory';
import { LOCAL_AWS, startDynamoDbLocal } from '../functions/local/dynamodb-local';
import { freePort } from '../functions/local/ports';
import { LocalRuntimeError } from '../functions/local/runtime-error';
import { LOCAL_OBJECT_BUCKET, localS3Client, startS3Local } from '../functions/local/s3-local';
import { ensureTable } from '../functions/local/table-setup';
import type { Deps } from '../functions/service/deps';
import { StarMarkTokens } from '../functions/signing/issuer';
import { LocalKeyRing } from '../functions/signing/local/local-key-ring';
import { documentClient } from '../functions/store/dynamo-client';
import { DynamoRegistryStore } from '../functions/store/dynamo-store';
import type { ObjectStore } from '../shared/store/objects';

export interface LocalRegistry {
  deps: Deps;
  /** Where the data was reached, for the tool to say. */
  source: string;
  close(): Promise<void>;
}

export interface ToolOptions {
  /** The tool, as a person would name it in a message: `npm run sweep`. */
  tool: string;
  dataDir: string;
  prefix: string;
  /** The instant the tool acts at (`--now 2027-12-01`): time travel for demos; default the real time. */
  now?: Date;
}

/** `--data <dir>` (default .data), `--prefix <XX>` (default SM), `--now <date or instant>`. */
export function toolOptions(tool: string, argv = process.argv.slice(2)): ToolOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string', default: '.data' },
      prefix: { type: 'string', default: 'SM' },
      now: { type: 'string' },
    },
  });
  const now = values.now
    ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(values.now) ? `${values.now}T10:00:00+08:00` : values.now)
    : undefined;
  if (now && Number.isNaN(now.getTime())) throw new Error(`--now is not a date: ${values.now}`);
  return { tool, dataDir: resolve(values.data), prefix: values.prefix, ...(now ? { now } : {}) };
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    await new DynamoDBClient({ endpoint, ...LOCAL_AWS, maxAttempts: 1 }).send(new ListTablesCommand({}));
    return true;
  } catch {
    return false;
  }
}

/**
 * The folder for a tool: its lock when nothing holds it, or the system that does. Anything else holding it is
 * refused with DataFolderInUse, naming the holder.
 */
export async function holdOrJoin(
  options: Pick<ToolOptions, 'tool' | 'dataDir'>,
): Promise<{ lock: DataFolderLock } | { running: RunningSystem }> {
  try {
    return { lock: await lockDataFolder(options.dataDir, options.tool) };
  } catch (error) {
    if (error instanceof DataFolderInUse && error.owner.system) return { running: error.owner.system };
    throw error;
  }
}

export interface Reached {
  endpoint: string;
  source: string;
  running?: RunningSystem;
  close(): Promise<void>;
}

/** The DynamoDB Local of the folder: the running system's, or one started here for as long as the tool runs. */
export async function reachDynamoDb(options: Pick<ToolOptions, 'tool' | 'dataDir'>): Promise<Reached> {
  const folder = await holdOrJoin(options);
  if ('running' in folder) {
    const { running } = folder;
    if (!(await answers(running.dynamoEndpoint)))
      throw new LocalRuntimeError(
        `The system holding ${options.dataDir} (${running.url}) does not answer at ${running.dynamoEndpoint}; ` +
          'nothing was changed. Try again once it runs, or stop it.',
      );
    return {
      endpoint: running.dynamoEndpoint,
      source: `the running system at ${running.url} (DynamoDB Local ${running.dynamoEndpoint})`,
      running,
      close: async () => undefined,
    };
  }
  const { lock } = folder;
  try {
    const dir = join(lock.dataDir, 'dynamodb');
    const own = await startDynamoDbLocal({ port: await freePort(), onDisk: { dir, lock } });
    return {
      endpoint: own.endpoint,
      source: `DynamoDB Local on ${dir} (started for this run)`,
      close: async () => {
        await own.stop();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * The folder's objects: through the running system's S3 server, or a server started here on `<data>/objects/` while
 * the tool holds the folder's lock.
 */
async function reachObjects(
  dataDir: string,
  running: RunningSystem | undefined,
): Promise<{ objects: ObjectStore; stop(): Promise<void> } | undefined> {
  if (running) {
    if (!running.s3Endpoint) return undefined;
    const client = localS3Client(running.s3Endpoint);
    return { objects: new S3ObjectStore(client, LOCAL_OBJECT_BUCKET), stop: async () => client.destroy() };
  }
  const own = await startS3Local({ port: await freePort(), dir: join(dataDir, 'objects') });
  return { objects: own.objects, stop: own.stop };
}

export async function openLocalRegistry(options: ToolOptions): Promise<LocalRegistry> {
  const reached = await reachDynamoDb(options);
  const { endpoint, source, running } = reached;
  let objects: Awaited<ReturnType<typeof reachObjects>>;
  const close = async () => {
    await objects?.stop();
    await reached.close();
  };
  try {
    objects = await reachObjects(options.dataDir, running);
    const tableName = running?.tableName ?? 'starmark';
    await ensureTable(new DynamoDBClient({ endpoint, ...LOCAL_AWS }), tableName);
    const store = new DynamoRegistryStore(documentClient({ endpoint, ...LOCAL_AWS }), tableName);
    const signingKeys = await LocalKeyRing.open(join(options.dataDir, 'keys'), options.now);
    const deps: Deps = {
      store,
      clock: () => options.now ?? new Date(),
      config: {
        certificatePrefix: running?.certificatePrefix ?? options.prefix,
        publicBaseUrl: running?.url ?? 'http://127.0.0.1:8080',
        certificationBody: loadLocalCertificationBody({ dataDir: options.dataDir }).body,
      },
      starMarks: new StarMarkTokens(signingKeys),
      signingKeys,
      // The same development users as `npm start`, so that the demo's assignments are checked as they are there.
      directory: devDirectory,
      ...(objects ? { objects: objects.objects } : {}),
    };
    return { deps, source, close };
  } catch (error) {
    await close();
    throw error;
  }
}
