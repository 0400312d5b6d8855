/**
 * Fault injection below the store: a DynamoDB document client whose middleware fails chosen write attempts as
 * DynamoDB or the network would — a throttle, a connection reset before the request left, or one after DynamoDB
 * committed but before the answer came back. It sits inside the SDK's retry loop, so the SDK's own retries (with
 * the same ClientRequestToken) are part of what is tested. The system's store is swapped for one on this client:
 * the handlers and use cases are the real ones, only the wire misbehaves.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local';
import { documentClient } from '../../functions/store/dynamo-client';
import { DynamoRegistryStore } from '../../functions/store/dynamo-store';
import { withTransparencyLog } from '../../functions/transparency-log/logged-store';
import type { TestSystem } from './local-system';

export type Fault = 'throttle' | 'reset-before-send' | 'reset-after-send';

const WRITES = new Set([
  'TransactWriteItemsCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
]);

export class FaultInjector {
  /** Write attempts that reached the wire (or would have), counted across every command. */
  writeAttempts = 0;
  private queue: { fault: Fault; skip: number; times: number }[] = [];

  /** Fails `times` write attempts (Infinity: every one) with `fault`, after letting `skip` attempts through. */
  arm(fault: Fault, times: number, skip = 0): void {
    this.queue = [{ fault, skip, times }];
  }

  disarm(): void {
    this.queue = [];
  }

  next(): Fault | undefined {
    this.writeAttempts++;
    const plan = this.queue[0];
    if (!plan) return undefined;
    if (plan.skip > 0) return void plan.skip--;
    if (plan.times <= 0) return undefined;
    plan.times--;
    return plan.fault;
  }
}

function throttled(): Error {
  return Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
    name: 'ProvisionedThroughputExceededException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}

function reset(): Error {
  return Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET' });
}

function faultyDocumentClient(endpoint: string, injector: FaultInjector): DynamoDBDocumentClient {
  const client = documentClient({ endpoint, ...LOCAL_AWS });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!WRITES.has(String((context as { commandName?: string }).commandName))) return next(args);
      const fault = injector.next();
      if (fault === 'throttle') throw throttled();
      if (fault === 'reset-before-send') throw reset();
      const result = await next(args);
      if (fault === 'reset-after-send') throw reset();
      return result;
    },
    // finalizeRequest/low runs inside the SDK's retry middleware (finalizeRequest/high): once per attempt.
    { step: 'finalizeRequest', priority: 'low', name: 'starmarkFaultInjection' },
  );
  return client;
}

/** Puts the system's store on a faulty client; returns the injector that decides which writes fail. */
export function injectFaults(sys: TestSystem, table = 'starmark'): FaultInjector {
  const injector = new FaultInjector();
  sys.deps.store = withTransparencyLog(
    new DynamoRegistryStore(faultyDocumentClient(sys.dynamo.endpoint, injector), table),
    sys.deps.clock,
  );
  return injector;
}
