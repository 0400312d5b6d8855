/**
 * The registry of a local data folder, for the command-line tools (`npm run sweep`, `npm run seed`): the running
 * `npm start` system's DynamoDB Local when there is one (found through <data>/runtime.json), otherwise DynamoDB Local
 * started here on the data folder's files and stopped again when the tool is done.
 */

import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { type DynamoDbLocal, LOCAL_AWS, startDynamoDbLocal } from '../functions/local/dynamodb-local';
import { freePort } from '../functions/local/ports';
import { readRuntimeInfo } from '../functions/local/runtime-file';
import { ensureTable } from '../functions/local/table-setup';
import type { Deps } from '../functions/service/deps';
import { StarMarkTokens } from '../functions/signing/issuer';
import { LocalKeyRing } from '../functions/signing/local/local-key-ring';
import { documentClient } from '../functions/store/dynamo-client';
import { DynamoRegistryStore } from '../functions/store/dynamo-store';

export interface LocalRegistry {
  deps: Deps;
  /** Where the data was reached, for the tool to say. */
  source: string;
  close(): Promise<void>;
}

export interface ToolOptions {
  dataDir: string;
  prefix: string;
  /** The instant the tool acts at (`--now 2027-12-01`): time travel for demos; default the real time. */
  now?: Date;
}

/** `--data <dir>` (default .data), `--prefix <XX>` (default SM), `--now <date or instant>`. */
export function toolOptions(argv = process.argv.slice(2)): ToolOptions {
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
  return { dataDir: resolve(values.data), prefix: values.prefix, ...(now ? { now } : {}) };
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    await new DynamoDBClient({ endpoint, ...LOCAL_AWS, maxAttempts: 1 }).send(new ListTablesCommand({}));
    return true;
  } catch {
    return false;
  }
}

export async function openLocalRegistry(options: ToolOptions): Promise<LocalRegistry> {
  const running = readRuntimeInfo(options.dataDir);
  let own: DynamoDbLocal | undefined;
  let endpoint: string;
  let source: string;
  if (running && (await answers(running.dynamoEndpoint))) {
    endpoint = running.dynamoEndpoint;
    source = `the running system at ${running.url} (DynamoDB Local ${endpoint})`;
  } else {
    own = await startDynamoDbLocal({ port: await freePort(), dataDir: join(options.dataDir, 'dynamodb') });
    endpoint = own.endpoint;
    source = `DynamoDB Local on ${join(options.dataDir, 'dynamodb')} (started for this run)`;
  }
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
    },
    starMarks: new StarMarkTokens(signingKeys),
    signingKeys,
  };
  return { deps, source, close: async () => void (await own?.stop()) };
}
