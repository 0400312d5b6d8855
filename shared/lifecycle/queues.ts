/**
 * The case queues staff work from, by state: every case (the administrators'), the cases an evaluator is assigned,
 * and the cases awaiting a committee decision that this member may take (named to decide it, or none named). Which case a queue holds is asked of the
 * lifecycle's own guards (inCaseQueue); the store answers the same question in its query, never after paging, and a
 * test holds the two together.
 */
import { isStaff } from '../access';
import type { ErrorCode } from '../errors';
import {
  type Actor,
  APPLICATION_STATES,
  type Application,
  type ApplicationState,
  CASE_QUEUES,
  type CaseQueue,
  type Role,
} from '../model';
import { assignedEvaluatorRefusal, impartialityRefusal, namedCommitteeRefusal, roleRefusal } from './guards';
import { APPLICATION_TRANSITIONS } from './transitions';

/** The states a committee member decides in: where the committee's steps start. */
const DECIDING_STATES = APPLICATION_STATES.filter((state) =>
  Object.values(APPLICATION_TRANSITIONS).some(
    (spec) => spec.role === 'committee' && (spec.from as readonly string[]).includes(state),
  ),
);

/** Whose queue it is (the role that works from it), and the states it is shown in. */
export const CASE_QUEUE_SPECS: Record<CaseQueue, { role: Role; states: readonly ApplicationState[] }> = {
  all: { role: 'admin', states: APPLICATION_STATES },
  // A submitted case has no evaluator yet.
  evaluating: { role: 'evaluator', states: APPLICATION_STATES.filter((s) => s !== 'submitted') },
  deciding: { role: 'committee', states: DECIDING_STATES },
};

/** One tab of a queue: whose it is and in which state. */
export interface CaseQueueQuery {
  queue: CaseQueue;
  /** The person the queue is for (the evaluator, the deciding member). */
  sub: string;
  state: ApplicationState;
}

/** The queues a person works from, in the order the console shows them. */
export const caseQueuesOf = (asker: Pick<Actor, 'roles'>): CaseQueue[] =>
  CASE_QUEUES.filter((queue) => asker.roles.includes(CASE_QUEUE_SPECS[queue].role));

/**
 * Why a person may not read a queue: every case may be read by any member of staff; the evaluator's and the
 * committee's are theirs.
 */
export function caseQueueRefusal(asker: Pick<Actor, 'sub' | 'roles'>, queue: CaseQueue): ErrorCode | null {
  if (queue === 'all') return isStaff(asker) ? null : 'FORBIDDEN_ROLE';
  return roleRefusal(asker, CASE_QUEUE_SPECS[queue].role);
}

/** Whether a case belongs in a queue's tab: the question the store's query answers for a whole partition. */
export function inCaseQueue(
  query: CaseQueueQuery,
  a: Pick<Application, 'state' | 'evaluatorSub' | 'conflictedEvaluators' | 'committeeSub' | 'recusedDeciders'>,
): boolean {
  if (a.state !== query.state) return false;
  const who = { sub: query.sub };
  if (query.queue === 'evaluating') return assignedEvaluatorRefusal(who, a) === null;
  if (query.queue === 'deciding') return (namedCommitteeRefusal(who, a) ?? impartialityRefusal(who, a)) === null;
  return true;
}
