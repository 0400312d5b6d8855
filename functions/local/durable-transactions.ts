/**
 * DynamoDB Local (on disk) answers TransactWriteItems a moment before its SQLite commit is durable: a kill -9 right
 * after the answer loses about 2% of acknowledged transactions (the reliability suite shows it). A single PutItem
 * after each transaction waits behind that commit, so the answer reaches the caller only once the data is on disk.
 * DynamoDB in AWS needs none of this; only the embedded runtime wraps its client.
 */
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

const TRANSACTION_COMMANDS = new Set(['TransactWriteItemsCommand', 'TransactWriteCommand']);

export function withDurableTransactions(client: DynamoDBDocumentClient, tableName: string): DynamoDBDocumentClient {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (TRANSACTION_COMMANDS.has(context.commandName ?? '')) {
        await client.send(
          new PutCommand({ TableName: tableName, Item: { pk: 'LOCAL#DURABILITY', sk: 'BARRIER', entity: 'barrier' } }),
        );
      }
      return result;
    },
    { step: 'initialize', name: 'starmarkDurableTransactions' },
  );
  return client;
}
