/**
 * Running a use case: it plans writes from what it read, then the plan commits as one transaction together with the
 * Idempotency-Key record. A lost race on the certificate-number counter or on an organization record is retried with
 * a fresh plan; any other conflict is the client's 409.
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

/** What a plan may ask for while it is made: the next number of a counter. */
export interface PlanContext {
  /**
   * The next value of the counter, read under this process's counter lock, held until the plan has committed (or
   * failed): the counter is a single item, so plans racing for it within one process would only waste
   * transactions. Across processes (Lambda containers) the conditional write and the retry keep it correct.
   */
  nextOf(counter: string): Promise<number>;
}

let counterLockTail: Promise<void> = Promise.resolve();

async function counterLock(): Promise<() => void> {
  const previous = counterLockTail;
  let release: () => void = () => undefined;
  counterLockTail = new Promise<void>((resolve) => {
    release = resolve;
  });
  await previous;
  return release;
}

/**
 * Plans once per attempt and commits what it planned: a plan is made (and anything it signs is signed) once, and
 * made again only after a lost race on the number counter.
 */
export async function execute(
  deps: Deps,
  plan: (context: PlanContext) => Promise<Plan>,
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
    let release: (() => void) | undefined;
    const context: PlanContext = {
      nextOf: async (counter) => {
        release ??= await counterLock();
        return (await deps.store.readCounter(counter)) + 1;
      },
    };
    let planned: Plan | undefined;
    try {
      planned = await plan(context);
      return await commitPlan(deps, planned, idempotency, requestHash);
    } catch (error) {
      if (!(error instanceof CommitConflict)) throw error;
      if (error.failed.includes('idempotency')) {
        const winner = await replay();
        if (winner) return winner;
      }
      const counterRace = release !== undefined && (error.failed.includes('counter') || error.failed.length === 0);
      // Planned again, the loser of a race for an organization reads what the winner wrote: the domain then refuses
      // it for its own reason (the scope is taken) or lets it through (another scope).
      const organizationRace =
        planned?.writes.some((w) => w.kind === 'organization') &&
        (error.failed.includes('organization') || error.failed.length === 0);
      if (!(counterRace || organizationRace) || Date.now() - started > COUNTER_RETRY_MS) throw error;
    } finally {
      release?.();
    }
    await backoff(attempt);
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
