/**
 * Turns the port's writes into TransactWriteItems entries. Every condition names its attributes through
 * ExpressionAttributeNames, and no expression is ever built from keys a client sent.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { reportItemWrites } from '../../shared/national-report/writes';
import { snapshotEntryOf } from '../../shared/status-snapshot';
import { applicationIndexAttributes, certificateIndexAttributes, keys } from '../../shared/store/keys';
import type { Write } from '../../shared/store/port';
import { TABLE } from '../../shared/table';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** DynamoDB's limit on the items of one TransactWriteItems call. */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * Everything one commit puts in its transaction: the writes first, so that a cancellation reason's index is the
 * write's, then the items the store adds to them (each certificate's status-list entry, each reportable event's
 * national-report item). A caller that packs writes into transactions counts these, not its own guess.
 */
export function transactItemsOf(writes: readonly Write[], table: string): TransactItem[] {
  return [
    ...writes.map((w) => toTransactItem(w, table)),
    ...writes.flatMap((w) => statusListItem(w, table) ?? []),
    ...reportItemWrites(writes).map((w) => toTransactItem(w, table)),
  ];
}

function versioned(item: Record<string, unknown>, expectedVersion: number | null, table: string): TransactItem {
  if (expectedVersion === null) {
    return {
      Put: {
        TableName: table,
        Item: item,
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': 'pk' },
      },
    };
  }
  return {
    Put: {
      TableName: table,
      Item: item,
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  };
}

/**
 * The status-list entry that goes with a certificate write, in the same transaction: put while the certificate is
 * not plainly valid (shared/status-snapshot), deleted when it is. The status snapshot is read from these entries
 * alone, one partition, never from a scan of the certificates.
 */
export function statusListItem(write: Write, table: string): TransactItem | null {
  if (write.kind !== 'certificate') return null;
  const c = write.value;
  const key = keys.statusListEntry(c.number);
  const entry = snapshotEntryOf(c);
  if (!entry) return { Delete: { TableName: table, Key: key } };
  return { Put: { TableName: table, Item: { ...key, entity: 'status-list-entry', ...entry } } };
}

export function toTransactItem(write: Write, table: string): TransactItem {
  switch (write.kind) {
    case 'application': {
      const v = write.value;
      return versioned(
        { ...keys.application(v.id), entity: 'application', ...applicationIndexAttributes(v), ...v },
        write.expectedVersion,
        table,
      );
    }
    case 'certificate': {
      const v = write.value;
      return versioned(
        { ...keys.certificate(v.number), entity: 'certificate', ...certificateIndexAttributes(v), ...v },
        write.expectedVersion,
        table,
      );
    }
    case 'organization': {
      const v = write.value;
      return versioned(
        { ...keys.organization(v.creditCode), entity: 'organization', ...v },
        write.expectedVersion,
        table,
      );
    }
    case 'event': {
      const v = write.value;
      return {
        Put: {
          TableName: table,
          Item: {
            ...keys.event(v.stream, v.seq),
            entity: 'event',
            ...v,
            ...(write.expiresAt === undefined ? {} : { [TABLE.timeToLiveAttribute]: write.expiresAt }),
          },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': 'pk' },
        },
      };
    }
    case 'counter': {
      const key = keys.counter(write.name);
      // A counter that was never written reads as 0; the first allocation creates it.
      return {
        Update: {
          TableName: table,
          Key: key,
          UpdateExpression: 'SET #value = :next, #entity = :entity',
          ConditionExpression:
            write.expected === 0 ? 'attribute_not_exists(#value) OR #value = :expected' : '#value = :expected',
          ExpressionAttributeNames: { '#value': 'value', '#entity': 'entity' },
          ExpressionAttributeValues: { ':next': write.next, ':expected': write.expected, ':entity': 'counter' },
        },
      };
    }
    case 'tally': {
      const names = Object.keys(write.add);
      // The attribute names are the core's (never a client's), and still go through ExpressionAttributeNames.
      return {
        Update: {
          TableName: table,
          Key: write.key,
          UpdateExpression: `ADD ${names.map((_, i) => `#a${i} :a${i}`).join(', ')} SET #entity = :entity`,
          ExpressionAttributeNames: {
            '#entity': 'entity',
            ...Object.fromEntries(names.map((n, i) => [`#a${i}`, n])),
          },
          ExpressionAttributeValues: {
            ':entity': 'tally',
            ...Object.fromEntries(names.map((n, i) => [`:a${i}`, write.add[n]])),
          },
        },
      };
    }
    case 'idempotency': {
      const v = write.value;
      const expiresAt = Math.floor(Date.parse(v.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS;
      return {
        Put: {
          TableName: table,
          Item: {
            ...keys.idempotency(v.scope, v.key),
            entity: 'idempotency',
            ...v,
            body: JSON.stringify(v.body),
            expiresAt,
          },
          ...(write.completes
            ? {
                ConditionExpression: '#pending = :pending',
                ExpressionAttributeNames: { '#pending': 'pending' },
                ExpressionAttributeValues: { ':pending': true },
              }
            : { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'pk' } }),
        },
      };
    }
    case 'item':
      return { Put: { TableName: table, Item: write.value } };
    case 'delete':
      if (write.step === undefined) return { Delete: { TableName: table, Key: write.key } };
      return {
        Delete: {
          TableName: table,
          Key: write.key,
          ConditionExpression: '#step = :step',
          ExpressionAttributeNames: { '#step': 'step' },
          ExpressionAttributeValues: { ':step': write.step },
        },
      };
    case 'lease':
      return {
        Update: {
          TableName: table,
          Key: write.key,
          UpdateExpression: 'SET #holder = :holder, #token = :token, #expiresAt = :expiresAt',
          ConditionExpression:
            'attribute_not_exists(#holder) OR #expiresAt < :now OR (#holder = :holder AND #token = :token)',
          ExpressionAttributeNames: { '#holder': 'holder', '#token': 'token', '#expiresAt': 'leaseExpiresAt' },
          ExpressionAttributeValues: {
            ':holder': write.holder,
            ':token': write.token,
            ':expiresAt': write.expiresAt,
            ':now': write.now,
          },
        },
      };
    case 'advance':
      return {
        Put: {
          TableName: table,
          Item: write.value,
          ConditionExpression: write.from === null ? 'attribute_not_exists(#step)' : '#step = :from',
          ExpressionAttributeNames: { '#step': 'step' },
          ...(write.from === null ? {} : { ExpressionAttributeValues: { ':from': write.from } }),
        },
      };
  }
}
