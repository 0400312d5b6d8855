/** Staff operations on applications: parse → call the use case → respond. */
import { DomainError } from '../../shared/errors';
import { canRead } from '../../shared/lifecycle/guards';
import { APPLICATION_TRANSITIONS, type ApplicationTransition } from '../../shared/lifecycle/transitions';
import {
  applicationListQuerySchema,
  applicationPathSchema,
  submitApplicationSchema,
  submitRenewalSchema,
} from '../../shared/schemas/application';
import { eventStreamOf } from '../../shared/store/keys';
import type { Operation } from '../http/dispatch';
import { parseInput } from '../http/parse';
import type { ApiRequest } from '../http/request';
import { loadApplication, planApplicationTransition, planRenewal, planSubmit } from '../service/applications';
import { execute, type IdempotencyContext } from '../service/plan';

export function idempotencyOf(req: ApiRequest): IdempotencyContext | undefined {
  if (!req.idempotencyKey || !req.actor) return undefined;
  return {
    scope: req.actor.sub,
    key: req.idempotencyKey,
    request: { method: req.method, path: req.path, body: req.body },
  };
}

const readableApplication = async (req: ApiRequest, deps: Parameters<Operation>[1]) => {
  const { id } = parseInput(applicationPathSchema, req.params, 'path');
  const application = await loadApplication(deps, id);
  // An applicant probing another organization's id learns nothing: the same answer as a missing case.
  if (!canRead(req.actor!, application)) throw new DomainError('NOT_FOUND', `application ${id}`);
  return application;
};

export const submitApplication: Operation = async (req, deps) => {
  const input = parseInput(submitApplicationSchema, req.body, 'body');
  return execute(deps, () => planSubmit(deps, req.actor!, input), idempotencyOf(req));
};

export const submitRenewal: Operation = async (req, deps) => {
  const input = parseInput(submitRenewalSchema, req.body, 'body');
  return execute(deps, () => planRenewal(deps, req.actor!, input), idempotencyOf(req));
};

export const listApplications: Operation = async (req, deps) => {
  const query = parseInput(applicationListQuerySchema, req.query, 'query');
  const actor = req.actor!;
  const staff = actor.roles.some((r) => r !== 'applicant');
  if (!staff) {
    const page = await deps.store.listApplicationsByApplicant(actor.sub, query.cursor, query.limit);
    return {
      status: 200,
      body: {
        items: query.state ? page.items.filter((a) => a.state === query.state) : page.items,
        cursor: page.cursor,
      },
    };
  }
  if (!query.state)
    throw new DomainError('VALIDATION_FAILED', 'staff list by state', [
      { path: 'query.state', message: 'required for staff' },
    ]);
  return { status: 200, body: await deps.store.listApplicationsByState(query.state, query.cursor, query.limit) };
};

export const getApplication: Operation = async (req, deps) => ({
  status: 200,
  body: await readableApplication(req, deps),
});

export const applicationEvents: Operation = async (req, deps) => {
  const application = await readableApplication(req, deps);
  return { status: 200, body: { items: await deps.store.listEvents(eventStreamOf('application', application.id)) } };
};

export const applicationTransition: Operation = async (req, deps) => {
  const name = req.route.op.split(':')[2] as ApplicationTransition;
  const { id } = parseInput(applicationPathSchema, req.params, 'path');
  const input = parseInput(APPLICATION_TRANSITIONS[name].input, req.body, 'body') as Record<string, unknown>;
  return execute(deps, () => planApplicationTransition(deps, req.actor!, id, name, input), idempotencyOf(req));
};
