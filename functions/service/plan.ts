/**
 * Running a use case: it plans writes from what it read, then the plan commits as one transaction together with the
 * Idempotency-Key record. A lost race on the certificate-number counter is retried with a fresh plan; any other
 * conflict is the client's 409.
 */
import { canonicalJson, sha256Hex } from '../../shared/audit/chain';
import { DomainError } from '../../shared/errors';
import { CommitConflict, type Write } from '../../shared/store/port';
import type { Deps } from './deps';

export interface Outcome {
  status: number;
  body: unknown;
}

export interface Plan {
  writes: Write[];
  outcome: Outcome;
}

export interface IdempotencyContext {
  scope: string;
  key: string;
  /** What identifies the request: method, path and body. A different request under the same key is refused. */
  request: unknown;
}

/** How long a request keeps trying to win the number counter before it gives up with a 409. */
const COUNTER_RETRY_MS = 30_000;

function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(250, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Within one process, plans that take a number wait their turn: the counter is a single item, so racing for it only
 * wastes transactions. Across processes (Lambda containers) the conditional write and the retry keep it correct.
 */
let counterQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = counterQueue.then(work, work);
  counterQueue = run.catch(() => undefined);
  return run;
}

export async function execute(
  deps: Deps,
  plan: () => Promise<Plan>,
  idempotency?: IdempotencyContext,
): Promise<Outcome> {
  const requestHash = idempotency ? await sha256Hex(canonicalJson(idempotency.request)) : '';
  const replay = async (): Promise<Outcome | undefined> => {
    if (!idempotency) return undefined;
    const record = await deps.store.getIdempotency(idempotency.scope, idempotency.key);
    if (!record) return undefined;
    if (record.requestHash !== requestHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
    return { status: record.status, body: record.body };
  };

  const earlier = await replay();
  if (earlier) return earlier;

  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    let numbered = false;
    try {
      const planned = await plan();
      numbered = planned.writes.some((w) => w.kind === 'counter');
      if (!numbered) return await commitPlan(deps, planned, idempotency, requestHash);
      // Re-planned inside the queue, so the counter it read is the one it writes after.
      return await oneAtATime(async () => commitPlan(deps, await plan(), idempotency, requestHash));
    } catch (error) {
      if (!(error instanceof CommitConflict)) throw error;
      if (error.failed.includes('idempotency')) {
        const winner = await replay();
        if (winner) return winner;
      }
      const counterRace = numbered && (error.failed.includes('counter') || error.failed.length === 0);
      if (!counterRace || Date.now() - started > COUNTER_RETRY_MS) throw error;
      await backoff(attempt);
    }
  }
}

async function commitPlan(
  deps: Deps,
  planned: Plan,
  idempotency: IdempotencyContext | undefined,
  requestHash: string,
): Promise<Outcome> {
  const writes = [...planned.writes];
  if (idempotency) {
    const { scope, key } = idempotency;
    const { status, body } = planned.outcome;
    writes.push({
      kind: 'idempotency',
      value: { scope, key, requestHash, status, body, createdAt: deps.clock().toISOString() },
    });
  }
  await deps.store.commit({ writes });
  return planned.outcome;
}
