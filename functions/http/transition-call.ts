/**
 * The lifecycle's steps as calls: the route's aggregate key and the transition's input, each parsed with its own
 * schema. Only the staff function serves them; the dispatcher imports this on the first one, so the public function
 * never reads the transitions' input schemas.
 */
import { DomainError } from '../../shared/errors';
import {
  APPLICATION_TRANSITIONS,
  type ApplicationCommand,
  type ApplicationTransition,
  CERTIFICATE_TRANSITIONS,
  type CertificateCommand,
  type CertificateTransition,
} from '../../shared/lifecycle/transitions';
import type { TransitionRoute } from '../../shared/routes';
import { applicationPathSchema, certificatePathSchema } from '../../shared/schemas/application';
import type { Deps } from '../service/deps';
import { callOf } from './call';
import type { ApiResponse, TransitionOperations } from './operation';
import { parseInput } from './parse';
import type { ApiRequest } from './request';

/*
 * A transition's body parsed with its own input schema is that transition's input; TypeScript cannot correlate a
 * generic key with its table entry, so the pairing is asserted here, at the one place it is made.
 */
const applicationCommand = <N extends ApplicationTransition>(name: N, body: unknown) =>
  ({ name, input: parseInput(APPLICATION_TRANSITIONS[name].input, body, 'body') }) as ApplicationCommand<N>;
const certificateCommand = <N extends CertificateTransition>(name: N, body: unknown) =>
  ({ name, input: parseInput(CERTIFICATE_TRANSITIONS[name].input, body, 'body') }) as CertificateCommand<N>;

export async function runTransition(
  route: TransitionRoute,
  req: ApiRequest,
  transitions: TransitionOperations | undefined,
  deps: Deps,
): Promise<ApiResponse> {
  const actor = req.actor;
  if (!transitions || !actor) throw new DomainError('ROUTE_NOT_FOUND');
  const { transition } = route;
  // The route's params and body are its aggregate's path schema and the transition's input schema (core.ts).
  if (transition.aggregate === 'application') {
    const params = parseInput(applicationPathSchema, req.params, 'path');
    const call = callOf(req, route, params, applicationCommand(transition.name, req.body));
    return transitions.application({ ...call, query: {}, actor }, deps);
  }
  const params = parseInput(certificatePathSchema, req.params, 'path');
  const call = callOf(req, route, params, certificateCommand(transition.name, req.body));
  return transitions.certificate({ ...call, query: {}, actor }, deps);
}
