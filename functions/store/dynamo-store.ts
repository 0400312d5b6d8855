/** The RegistryStore port on DynamoDB (the real service in AWS, DynamoDB Local on a laptop and in tests). */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CaseQueueQuery } from '../../shared/lifecycle/queues';
import type { Application, AuditEvent, Certificate } from '../../shared/model';
import type { OrganizationRecord } from '../../shared/organizations';
import { indexKeys, keys } from '../../shared/store/keys';
import {
  CommitConflict,
  type DueQuery,
  type IdempotencyRecord,
  type Page,
  type RegistryStore,
  type UnitOfWork,
} from '../../shared/store/port';
import { type IndexName, keyAttributes, TABLE } from '../../shared/table';
import { batchGetItems } from './batch-get';
import { type QueueQuery, queueQueryOf } from './case-queues';
import { CursorCodec } from './cursor';
import { transactItemsOf } from './writes';

const INTERNAL = [...keyAttributes(), 'entity', TABLE.timeToLiveAttribute];

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const copy = { ...item };
  for (const k of INTERNAL) delete copy[k];
  return copy as T;
}

export interface StoreOptions {
  /** Signs the cursors this store hands out (functions/store/cursor.ts); every instance of a deployment shares it. */
  cursorKey?: Uint8Array;
}

export class DynamoRegistryStore implements RegistryStore {
  private readonly cursors: CursorCodec;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    options: StoreOptions = {},
  ) {
    this.cursors = new CursorCodec(options.cursorKey);
  }

  async getApplication(id: string) {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.application(id), ConsistentRead: true }),
    );
    return strip<Application>(out.Item);
  }

  /**
   * A filtered tab reads on until its page is full (each read asks for no more than the page still lacks), so a
   * page is never short while more cases follow, and the cursor is where the last read stopped.
   */
  async listCaseQueue(query: CaseQueueQuery, cursor?: string, limit = 50): Promise<Page<Application>> {
    const q = queueQueryOf(query);
    const list = `${q.index}|${q.pk}|queue:${query.queue}:${query.sub}|desc`;
    const items: Application[] = [];
    let start = this.cursors.decode(cursor, list);
    do {
      const out = await this.db.send(
        new QueryCommand({
          ...this.queueRead(q),
          Limit: limit - items.length,
          ScanIndexForward: false,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []).map((i) => strip<Application>(i)!));
      start = out.LastEvaluatedKey;
    } while (start && items.length < limit);
    return { items, cursor: this.cursors.encode(start, list) };
  }

  async countCaseQueue(query: CaseQueueQuery): Promise<number> {
    const q = queueQueryOf(query);
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({ ...this.queueRead(q), Select: 'COUNT', ExclusiveStartKey: start }),
      );
      count += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return count;
  }

  private queueRead(q: QueueQuery) {
    return {
      TableName: this.table,
      IndexName: q.index,
      KeyConditionExpression: '#pk = :pk',
      ...(q.filter ? { FilterExpression: q.filter.expression } : {}),
      ExpressionAttributeNames: { '#pk': `${q.index}pk`, ...q.filter?.names },
      ExpressionAttributeValues: { ':pk': q.pk, ...q.filter?.values },
    };
  }

  listApplicationsByApplicant(sub: string, cursor?: string, limit = 50) {
    return this.queryIndex<Application>('gsi2', indexKeys.applicationsByApplicant(sub), {
      cursor,
      limit,
      newestFirst: true,
    });
  }

  listApplicationsByApplicantInState(sub: string, state: string, cursor?: string, limit = 50) {
    return this.queryIndex<Application>('gsi3', indexKeys.applicationsByApplicantInState(sub, state), {
      cursor,
      limit,
      newestFirst: true,
    });
  }

  async getCertificate(number: string) {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.certificate(number), ConsistentRead: true }),
    );
    return strip<Certificate>(out.Item);
  }

  getCertificates(numbers: readonly string[]) {
    return this.batchGet<Certificate>(numbers, keys.certificate, (c) => c.number, false);
  }

  getApplications(ids: readonly string[]) {
    // Consistent: what an organization's open cases are decides whether another may be submitted.
    return this.batchGet<Application>(ids, keys.application, (a) => a.id, true);
  }

  async getOrganization(creditCode: string) {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.organization(creditCode), ConsistentRead: true }),
    );
    return strip<OrganizationRecord>(out.Item);
  }

  private async batchGet<T>(
    ids: readonly string[],
    keyOf: (id: string) => { pk: string; sk: string },
    idOf: (value: T) => string,
    consistent: boolean,
  ): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    const items = await batchGetItems(this.db, this.table, [...new Set(ids)].map(keyOf), consistent);
    for (const item of items) {
      const value = strip<T>(item)!;
      found.set(idOf(value), value);
    }
    return found;
  }

  async findCertificatesByCreditCode(code: string) {
    return (await this.queryIndex<Certificate>('gsi1', indexKeys.certificatesByCreditCode(code), { limit: 100 })).items;
  }

  listCertificatesDue(query: DueQuery) {
    return this.queryIndex<Certificate>('gsi2', indexKeys.certificatesByStatus(query.status), {
      cursor: query.cursor,
      limit: query.limit ?? 100,
      // DynamoDB refuses an empty string in a key condition: the range starts at the first possible date.
      skRange: ['0000-01-01', `${query.onOrBefore}#\uffff`],
    });
  }

  listCertificatesExpiring(status: string, from: string, to: string, cursor?: string, limit = 100) {
    return this.queryIndex<Certificate>('gsi3', indexKeys.certificatesByExpiry(status), {
      cursor,
      limit,
      skRange: [from, `${to}#\uffff`],
    });
  }

  async listEvents(stream: string) {
    const events: AuditEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.queryItems(keys.eventStream(stream), { cursor, limit: 500 });
      events.push(...page.items.map((i) => strip<AuditEvent>(i)!));
      cursor = page.cursor;
    } while (cursor);
    return events;
  }

  async readCounter(name: string) {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.counter(name), ConsistentRead: true }),
    );
    return typeof out.Item?.value === 'number' ? out.Item.value : 0;
  }

  async getIdempotency(scope: string, key: string) {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.idempotency(scope, key), ConsistentRead: true }),
    );
    if (!out.Item) return undefined;
    const record = strip<IdempotencyRecord & { body: string }>(out.Item)!;
    return { ...record, body: JSON.parse(record.body) as unknown };
  }

  async getItem(pk: string, sk: string) {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk, sk }, ConsistentRead: true }));
    return out.Item;
  }

  async queryItems(
    pk: string,
    options: {
      index?: IndexName;
      skPrefix?: string;
      skUpTo?: string;
      skBetween?: readonly [string, string];
      newestFirst?: boolean;
      limit?: number;
      cursor?: string;
    } = {},
  ) {
    const pkName = options.index ? `${options.index}pk` : 'pk';
    const skName = options.index ? `${options.index}sk` : 'sk';
    const between = options.skBetween;
    const sk =
      options.skPrefix !== undefined
        ? { condition: 'begins_with(#sk, :sk)', values: { ':sk': options.skPrefix } }
        : options.skUpTo !== undefined
          ? { condition: '#sk <= :sk', values: { ':sk': options.skUpTo } }
          : between !== undefined
            ? { condition: '#sk BETWEEN :sk AND :skTo', values: { ':sk': between[0], ':skTo': between[1] } }
            : null;
    const upTo = options.skUpTo !== undefined ? `|upTo:${options.skUpTo}` : '';
    const range = between !== undefined ? `|range:${between.join('..')}` : '';
    const order = options.newestFirst ? '|desc' : '';
    const list = `${options.index ?? 'table'}|${pk}|prefix:${options.skPrefix ?? ''}${upTo}${range}${order}`;
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: options.index,
        KeyConditionExpression: sk ? `#pk = :pk AND ${sk.condition}` : '#pk = :pk',
        ExpressionAttributeNames: sk ? { '#pk': pkName, '#sk': skName } : { '#pk': pkName },
        ExpressionAttributeValues: { ':pk': pk, ...sk?.values },
        Limit: options.limit ?? 100,
        ...(options.newestFirst ? { ScanIndexForward: false } : {}),
        ExclusiveStartKey: this.cursors.decode(options.cursor, list),
      }),
    );
    return { items: out.Items ?? [], cursor: this.cursors.encode(out.LastEvaluatedKey, list) };
  }

  async commit(work: UnitOfWork) {
    if (work.writes.length === 0) return;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: transactItemsOf(work.writes, this.table),
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        const failed = work.writes.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed').map((w) => w.kind);
        // TransactionConflict: another transaction held one of the items; to the caller it is the same lost race.
        if (failed.length || reasons.some((r) => r.Code === 'TransactionConflict')) throw new CommitConflict(failed);
      }
      throw error;
    }
  }

  async countUse(key: { pk: string; sk: string }, limit: number, expiresAt: number): Promise<number | null> {
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key,
          UpdateExpression: 'ADD #n :one SET #exp = if_not_exists(#exp, :exp)',
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
          ExpressionAttributeNames: { '#n': 'uses', '#exp': 'expiresAt' },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':exp': expiresAt },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.uses ?? 0);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      throw error;
    }
  }

  private async queryIndex<T>(
    index: IndexName,
    pk: string,
    opts: { cursor?: string; limit?: number; newestFirst?: boolean; skRange?: [string, string] },
  ): Promise<Page<T>> {
    const list = `${index}|${pk}|range:${opts.skRange?.join('..') ?? ''}|${opts.newestFirst ? 'desc' : 'asc'}`;
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: index,
        KeyConditionExpression: opts.skRange ? '#pk = :pk AND #sk BETWEEN :from AND :to' : '#pk = :pk',
        ExpressionAttributeNames: opts.skRange ? { '#pk': `${index}pk`, '#sk': `${index}sk` } : { '#pk': `${index}pk` },
        ExpressionAttributeValues: opts.skRange
          ? { ':pk': pk, ':from': opts.skRange[0], ':to': opts.skRange[1] }
          : { ':pk': pk },
        Limit: opts.limit,
        ScanIndexForward: !opts.newestFirst,
        ExclusiveStartKey: this.cursors.decode(opts.cursor, list),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => strip<T>(i)!),
      cursor: this.cursors.encode(out.LastEvaluatedKey, list),
    };
  }
}
