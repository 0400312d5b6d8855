/**
 * Where `npm run backup` and `npm run restore` act: a local data folder (`--data .data`: the running `npm start`'s
 * DynamoDB Local, or one started here on the folder), or a table in AWS (`--table <name> [--region <region>]`,
 * credentials from the usual AWS environment).
 */
import { join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { type DynamoDbLocal, LOCAL_AWS, startDynamoDbLocal } from '../../functions/local/dynamodb-local';
import { freePort } from '../../functions/local/ports';
import { readRuntimeInfo } from '../../functions/local/runtime-file';
import { ensureTable } from '../../functions/local/table-setup';
import type { RegistryTable } from './table';

export interface TargetOptions {
  data?: string;
  table?: string;
  region?: string;
}

export interface OpenedTable extends RegistryTable {
  close(): Promise<void>;
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    await new DynamoDBClient({ endpoint, ...LOCAL_AWS, maxAttempts: 1 }).send(new ListTablesCommand({}));
    return true;
  } catch {
    return false;
  }
}

/** `create`: make the local table if the folder has none yet (a restore into a new data folder). */
export async function openTable(options: TargetOptions, create = false): Promise<OpenedTable> {
  if (options.table) {
    if (options.data) throw new Error('give --data or --table, not both');
    const client = new DynamoDBClient(options.region ? { region: options.region } : {});
    const region = await client.config.region();
    return { client, tableName: options.table, source: `aws:${region}/${options.table}`, close: async () => {} };
  }
  const dataDir = resolve(options.data ?? '.data');
  const running = readRuntimeInfo(dataDir);
  let own: DynamoDbLocal | undefined;
  let endpoint: string;
  if (running && (await answers(running.dynamoEndpoint))) endpoint = running.dynamoEndpoint;
  else {
    own = await startDynamoDbLocal({ port: await freePort(), dataDir: join(dataDir, 'dynamodb') });
    endpoint = own.endpoint;
  }
  const client = new DynamoDBClient({ endpoint, ...LOCAL_AWS });
  const tableName = running?.tableName ?? 'starmark';
  if (create) await ensureTable(client, tableName);
  return {
    client,
    tableName,
    source: `dynamodb-local:${dataDir}`,
    close: async () => {
      client.destroy();
      await own?.stop();
    },
  };
}
