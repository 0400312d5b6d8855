/** Staff operations on applications: the typed call → the use case → the answer. */
import { isStaff, mayReadApplication } from '../../shared/access';
import { DomainError } from '../../shared/errors';
import { peopleNamedIn } from '../../shared/lifecycle/event-labels';
import { peopleNamedOnApplication } from '../../shared/lifecycle/people-named';
import { CASE_QUEUE_SPECS, caseQueueRefusal } from '../../shared/lifecycle/queues';
import { refuseUnlessPossible } from '../../shared/lifecycle/step-refusal';
import type { Actor } from '../../shared/model';
import { eventStreamOf } from '../../shared/store/keys';
import type { TransitionOperations } from '../http/operation';
import { caseAppealsOnRecord } from '../service/appeals-on-record';
import { loadApplication, planApplicationTransition, planRenewal, planSubmit } from '../service/applications';
import { withDueDates } from '../service/case-due';
import { searchCases } from '../service/case-search';
import type { Deps } from '../service/deps';
import { namesOf } from '../service/directory';
import { execute } from '../service/plan';
import type { StaffOperations } from './tables';

/** An applicant probing another organization's id learns nothing: the same answer as a missing case. */
async function readableApplication(actor: Actor, id: string, deps: Deps) {
  const application = await loadApplication(deps, id);
  if (!mayReadApplication(actor, application)) throw new DomainError('NOT_FOUND', `application ${id}`);
  return application;
}

export const applicationOperations = {
  submitApplication: async ({ actor, body, idempotency }, deps) =>
    execute(deps, () => planSubmit(deps, actor, body), idempotency),

  submitRenewal: async ({ actor, body, idempotency }, deps) =>
    execute(deps, () => planRenewal(deps, actor, body), idempotency),

  listApplications: async ({ actor, query }, deps) => {
    if (!isStaff(actor) && query.queue === 'all') {
      // The state is part of the index key: a filtered page is a full page, never a short one with a cursor.
      const page = query.state
        ? await deps.store.listApplicationsByApplicantInState(actor.sub, query.state, query.cursor, query.limit)
        : await deps.store.listApplicationsByApplicant(actor.sub, query.cursor, query.limit);
      return { status: 200, body: await withDueDates(deps, page) };
    }
    refuseUnlessPossible(caseQueueRefusal(actor, query.queue), `the ${query.queue} queue`);
    if (!query.state)
      throw new DomainError('VALIDATION_FAILED', 'staff list by state', [
        { path: 'query.state', code: 'REQUIRED', message: 'required for staff' },
      ]);
    const tab = { queue: query.queue, sub: actor.sub, state: query.state };
    const page = await deps.store.listCaseQueue(tab, query.cursor, query.limit);
    return { status: 200, body: await withDueDates(deps, page) };
  },

  caseQueueCounts: async ({ actor, query: { queue } }, deps) => {
    refuseUnlessPossible(caseQueueRefusal(actor, queue), `the ${queue} queue`);
    const states = CASE_QUEUE_SPECS[queue].states;
    const counts = await Promise.all(
      states.map((state) => deps.store.countCaseQueue({ queue, sub: actor.sub, state })),
    );
    return { status: 200, body: { queue, counts: Object.fromEntries(states.map((s, i) => [s, counts[i]])) } };
  },

  searchCases: async ({ actor, query }, deps) => ({ status: 200, body: await searchCases(deps, actor, query.q) }),

  getApplication: async ({ actor, params }, deps) => {
    const application = await readableApplication(actor, params.id, deps);
    // The appeals on record, so that the console asks the one-appeal-per-decision rule before it offers another.
    const [people, appeals] = await Promise.all([
      namesOf(deps, peopleNamedOnApplication(application)),
      caseAppealsOnRecord(deps, application),
    ]);
    return { status: 200, body: { ...application, people, appeals } };
  },

  applicationEvents: async ({ actor, params }, deps) => {
    const application = await readableApplication(actor, params.id, deps);
    const items = await deps.store.listEvents(eventStreamOf('application', application.id));
    return { status: 200, body: { items, people: await namesOf(deps, peopleNamedIn('application', items)) } };
  },
} satisfies Partial<StaffOperations>;

export const applicationTransition: TransitionOperations['application'] = async (
  { actor, params, body, idempotency },
  deps,
) => execute(deps, (context) => planApplicationTransition(deps, actor, params.id, body, context), idempotency);
