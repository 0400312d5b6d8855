/**
 * Many items by key in as few round trips as DynamoDB allows: the keys split into chunks sent at the same time (one
 * BatchGetItem each), every chunk asking again, after a growing and jittered pause, for exactly the keys DynamoDB
 * left unprocessed. A key still unprocessed after the last attempt fails the read as transient (a 503 with
 * Retry-After), never an item quietly reported as missing.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Keys per BatchGetItem. DynamoDB takes up to 100, but one call of 100 is answered in one piece, while four of 25
 * are answered side by side (the service spreads them over partitions; DynamoDB Local over its threads).
 */
export const BATCH_GET_CHUNK = 25;
export const BATCH_GET_ATTEMPTS = 6;
const FIRST_PAUSE_MS = 10;

type Key = Record<string, unknown>;

export class UnprocessedKeysError extends Error {
  override readonly name = 'UnprocessedKeysError';
  /** Read by the HTTP layer's transient check (functions/http/transient.ts): the client should try again. */
  readonly $retryable = { throttling: true };
  constructor(readonly left: number) {
    super(`${left} keys were still unprocessed after ${BATCH_GET_ATTEMPTS} BatchGetItem attempts`);
  }
}

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, FIRST_PAUSE_MS * 2 ** attempt * (0.5 + Math.random() / 2)));

async function oneChunk(db: DynamoDBDocumentClient, table: string, keys: Key[], consistent: boolean): Promise<Key[]> {
  const items: Key[] = [];
  let pending = keys;
  for (let attempt = 0; attempt < BATCH_GET_ATTEMPTS; attempt++) {
    if (attempt > 0) await pause(attempt - 1);
    const out = await db.send(
      new BatchGetCommand({
        RequestItems: { [table]: { Keys: pending, ...(consistent ? { ConsistentRead: true } : {}) } },
      }),
    );
    items.push(...(out.Responses?.[table] ?? []));
    pending = (out.UnprocessedKeys?.[table]?.Keys as Key[] | undefined) ?? [];
    if (!pending.length) return items;
  }
  throw new UnprocessedKeysError(pending.length);
}

/** The items found for `keys` (distinct: DynamoDB refuses a batch that names a key twice), in no order. */
export async function batchGetItems(
  db: DynamoDBDocumentClient,
  table: string,
  keys: readonly Key[],
  consistent: boolean,
): Promise<Key[]> {
  const chunks: Key[][] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_CHUNK) chunks.push(keys.slice(i, i + BATCH_GET_CHUNK));
  return (await Promise.all(chunks.map((chunk) => oneChunk(db, table, chunk, consistent)))).flat();
}
