/** A request as an operation's call: its parsed query, the caller, the Idempotency-Key context. */
import { integratorSubject } from '../../shared/api-keys';
import type { Actor } from '../../shared/model';
import type { RouteSpec } from '../../shared/routes';
import type { IdempotencyContext } from '../service/plan';
import type { Call } from './operation';
import { parseInput } from './parse';
import type { ApiRequest } from './request';

/** The Idempotency-Key scope is the caller (a staff member, or an API key's holder): two callers' keys never meet. */
function idempotencyOf(req: ApiRequest, integrator?: string): IdempotencyContext | undefined {
  const scope = req.actor?.sub ?? (integrator !== undefined ? integratorSubject(integrator) : undefined);
  if (!req.idempotencyKey || scope === undefined) return undefined;
  return {
    scope,
    key: req.idempotencyKey,
    request: { method: req.method, path: req.path, body: req.body },
  };
}

export function callOf<P, B>(
  req: ApiRequest,
  route: RouteSpec,
  params: P,
  body: B,
  integrator?: string,
): Call<P, unknown, B, Actor | null> {
  const idempotency = idempotencyOf(req, integrator);
  return {
    params,
    query: parseInput(route.query, req.query, 'query'),
    body,
    actor: req.actor,
    ...(idempotency ? { idempotency } : {}),
    requestId: req.requestId,
    clientAddress: req.clientAddress,
  };
}
