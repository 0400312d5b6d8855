/**
 * Requests whose effect happens outside the store's transaction (a key ring changed on disk or in KMS): they cannot
 * commit their Idempotency-Key record together with their change, so they claim the key first, before doing
 * anything. Exactly one request wins the claim (a conditional put); the winner does the work and then writes its
 * answer over the claim; everyone else under that key waits for that answer and replays it. A request that fails
 * gives its claim up, so a retry may try again: it changed nothing.
 */
import { canonicalJson, sha256Hex } from '../../shared/audit/chain';
import { DomainError } from '../../shared/errors';
import { keys } from '../../shared/store/keys';
import { CommitConflict } from '../../shared/store/port';
import type { Deps } from './deps';
import type { IdempotencyContext, Outcome } from './plan';

/** How long a request under a claimed key waits for the winner's answer before it says the work is in progress. */
const WAIT_FOR_ANSWER_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function claimedOnce(
  deps: Deps,
  idempotency: IdempotencyContext | undefined,
  work: () => Promise<Outcome>,
): Promise<Outcome> {
  if (!idempotency) return work();
  const { scope, key } = idempotency;
  const requestHash = await sha256Hex(canonicalJson(idempotency.request));
  const record = { scope, key, requestHash, createdAt: deps.clock().toISOString() };
  try {
    await deps.store.commit({
      writes: [{ kind: 'idempotency', value: { ...record, status: 0, body: null, pending: true } }],
    });
  } catch (error) {
    if (error instanceof CommitConflict && error.failed.includes('idempotency'))
      return answerOf(deps, idempotency, requestHash);
    throw error;
  }
  let outcome: Outcome;
  try {
    outcome = await work();
  } catch (error) {
    await deps.store.commit({ writes: [{ kind: 'delete', key: keys.idempotency(scope, key) }] });
    throw error;
  }
  await deps.store.commit({
    writes: [{ kind: 'idempotency', value: { ...record, ...outcome }, completes: true }],
  });
  return outcome;
}

/** The answer of the request that holds the claim, once it has one. */
async function answerOf(deps: Deps, { scope, key }: IdempotencyContext, requestHash: string): Promise<Outcome> {
  const started = Date.now();
  for (;;) {
    const record = await deps.store.getIdempotency(scope, key);
    // Gone: the winner failed and gave its claim up; this request did nothing either, and says so.
    if (!record) throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'the first request under this key failed; retry');
    if (record.requestHash !== requestHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
    if (!record.pending) return { status: record.status, body: record.body };
    if (Date.now() - started > WAIT_FOR_ANSWER_MS) throw new DomainError('IDEMPOTENCY_IN_PROGRESS');
    await sleep(25);
  }
}
