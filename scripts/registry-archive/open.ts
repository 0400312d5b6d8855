/**
 * Where `npm run backup` and `npm run restore` act: a local data folder (`--data .data`: the running `npm start`'s
 * DynamoDB Local, or one started here on the folder), or a table in AWS (`--table <name> [--region <region>]`,
 * credentials from the usual AWS environment).
 */
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local';
import { ensureTable } from '../../functions/local/table-setup';
import { reachDynamoDb } from '../local-registry';
import type { RegistryTable } from './table';

export interface TargetOptions {
  data?: string;
  table?: string;
  region?: string;
}

export interface OpenedTable extends RegistryTable {
  close(): Promise<void>;
}

/**
 * `tool` names the command in the data folder's lock. `create`: make the local table if the folder has none yet (a
 * restore into a new data folder).
 */
export async function openTable(tool: string, options: TargetOptions, create = false): Promise<OpenedTable> {
  if (options.table) {
    if (options.data) throw new Error('give --data or --table, not both');
    const client = new DynamoDBClient(options.region ? { region: options.region } : {});
    const region = await client.config.region();
    return { client, tableName: options.table, source: `aws:${region}/${options.table}`, close: async () => {} };
  }
  const dataDir = resolve(options.data ?? '.data');
  // The running system's DynamoDB Local, or one started here under the folder's lock (scripts/local-registry.ts).
  const reached = await reachDynamoDb({ tool, dataDir });
  const client = new DynamoDBClient({ endpoint: reached.endpoint, ...LOCAL_AWS });
  const tableName = reached.running?.tableName ?? 'starmark';
  try {
    if (create) await ensureTable(client, tableName);
  } catch (error) {
    client.destroy();
    await reached.close();
    throw error;
  }
  return {
    client,
    tableName,
    source: `dynamodb-local:${dataDir}`,
    close: async () => {
      client.destroy();
      await reached.close();
    },
  };
}
