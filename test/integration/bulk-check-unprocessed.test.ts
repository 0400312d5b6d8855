/**
 * A bulk check when DynamoDB leaves part of a BatchGetItem unprocessed, as it does under load: the real table on
 * DynamoDB Local, with the store's client told (at the adapter boundary, in its send) to hand back half of a batch's
 * keys as UnprocessedKeys instead of reading them. Every number must still be answered, and answered as without it.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local';
import type { Deps } from '../../functions/service/deps';
import { BATCH_GET_ATTEMPTS, BATCH_GET_CHUNK } from '../../functions/store/batch-get';
import { documentClient } from '../../functions/store/dynamo-client';
import { DynamoRegistryStore } from '../../functions/store/dynamo-store';
import { withTransparencyLog } from '../../functions/transparency-log/logged-store';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const TABLE = 'starmark';
let issued: string[];
let original: Deps['store'];

/** A client whose BatchGetItem reads only the first half (or none) of the keys of its next `calls` calls. */
function withholding(
  calls: number,
  share: 'half' | 'all' = 'half',
): { client: DynamoDBDocumentClient; batches: number[] } {
  const client = documentClient({ endpoint: sys.dynamo.endpoint, ...LOCAL_AWS });
  const send = client.send.bind(client) as (command: unknown) => Promise<any>;
  const batches: number[] = [];
  let left = calls;
  client.send = (async (command: unknown) => {
    if (!(command instanceof BatchGetCommand)) return send(command);
    const asked = command.input.RequestItems![TABLE]!;
    const keys = asked.Keys!;
    batches.push(keys.length);
    if (left <= 0) return send(command);
    left--;
    const half = share === 'all' ? 0 : Math.ceil(keys.length / 2);
    if (!half) return { Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: asked }, $metadata: {} };
    const out = await send(new BatchGetCommand({ RequestItems: { [TABLE]: { ...asked, Keys: keys.slice(0, half) } } }));
    return { ...out, UnprocessedKeys: { [TABLE]: { ...asked, Keys: keys.slice(half) } } };
  }) as typeof client.send;
  return { client, batches };
}

function storeOn(client: DynamoDBDocumentClient): void {
  sys.deps.store = withTransparencyLog(new DynamoRegistryStore(client, TABLE), sys.deps.clock);
}

const numbersOf = (count: number) =>
  Array.from({ length: count }, (_, i) => issued[i] ?? `SM-SV-2026-${String(900_000 + i).padStart(6, '0')}`);
const verdicts = async (numbers: string[]) => {
  const res = await sys.api.post('/v1/verifications', { numbers });
  return { status: res.status, body: res.body, items: res.body.items?.map((i: any) => [i.number, i.verdict]) };
};

beforeAll(async () => {
  issued = [];
  for (const seed of [71, 72, 73]) issued.push((await issuedCertificate(sys.api, seed)).number);
  original = sys.deps.store;
});
afterEach(() => {
  sys.deps.store = original;
});

describe('a bulk check with unprocessed keys', () => {
  it('still answers every number, as a check without them does, asking again for the keys left over', async () => {
    const numbers = [...numbersOf(100)].reverse();
    const expected = await verdicts(numbers);
    expect(expected.items.filter(([, v]: string[]) => v === 'VALID')).toHaveLength(3);
    const { client, batches } = withholding(Number.POSITIVE_INFINITY);
    storeOn(client);
    const answered = await verdicts(numbers);
    expect(answered.status).toBe(200);
    expect(answered.items).toEqual(expected.items);
    // Parallel chunks first, then each chunk's retries, each for what was left.
    expect(batches.slice(0, 100 / BATCH_GET_CHUNK)).toEqual(Array(100 / BATCH_GET_CHUNK).fill(BATCH_GET_CHUNK));
    expect(batches.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });

  it('answers 503 with Retry-After, never a number reported unknown, when keys stay unprocessed', async () => {
    const numbers = numbersOf(10);
    const { client } = withholding(BATCH_GET_ATTEMPTS, 'all');
    storeOn(client);
    const res = await sys.api.post('/v1/verifications', { numbers });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(JSON.stringify(res.body)).not.toContain('UNKNOWN_NUMBER');
  });
});
