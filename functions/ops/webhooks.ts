/** Operations of an API-key holder's subscriptions: the dispatcher has checked the key and names its holder. */

import { listDeliveries, replayDeliveries, replayDelivery } from '../service/webhook-deliveries';
import {
  createWatchlist,
  createWebhookEndpoint,
  deleteWatchlist,
  deleteWebhookEndpoint,
  listWatchlists,
  listWebhookEndpoints,
  rotateWebhookSecret,
} from '../service/webhook-subscriptions';
import type { PublicOperations } from './tables';

export const webhookOperations = {
  createWatchlist: async ({ integrator, body }, deps) => ({
    status: 201,
    body: await createWatchlist(deps, integrator, body),
  }),
  listWatchlists: async ({ integrator }, deps) => ({ status: 200, body: await listWatchlists(deps, integrator) }),
  deleteWatchlist: async ({ integrator, params }, deps) => ({
    status: 200,
    body: await deleteWatchlist(deps, integrator, params.watchlistId),
  }),
  createWebhookEndpoint: async ({ integrator, body }, deps) => ({
    status: 201,
    body: await createWebhookEndpoint(deps, integrator, body),
  }),
  listWebhookEndpoints: async ({ integrator }, deps) => ({
    status: 200,
    body: await listWebhookEndpoints(deps, integrator),
  }),
  rotateWebhookSecret: async ({ integrator, params }, deps) => ({
    status: 200,
    body: await rotateWebhookSecret(deps, integrator, params.endpointId),
  }),
  deleteWebhookEndpoint: async ({ integrator, params }, deps) => ({
    status: 200,
    body: await deleteWebhookEndpoint(deps, integrator, params.endpointId),
  }),
  listWebhookDeliveries: async ({ integrator, params, query }, deps) => ({
    status: 200,
    body: await listDeliveries(deps, integrator, params.endpointId, query),
  }),
  replayWebhookDelivery: ({ integrator, params, idempotency }, deps) =>
    replayDelivery(deps, integrator, params.endpointId, params.eventId, idempotency),
  replayWebhookDeliveries: ({ integrator, params, body, idempotency }, deps) =>
    replayDeliveries(deps, integrator, params.endpointId, body, idempotency),
} satisfies Partial<PublicOperations>;
