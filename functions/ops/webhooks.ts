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
  createWatchlist: ({ integrator, body, idempotency }, deps) => createWatchlist(deps, integrator, body, idempotency),
  listWatchlists: async ({ integrator }, deps) => ({ status: 200, body: await listWatchlists(deps, integrator) }),
  deleteWatchlist: ({ integrator, params, idempotency }, deps) =>
    deleteWatchlist(deps, integrator, params.watchlistId, idempotency),
  createWebhookEndpoint: ({ integrator, body, idempotency }, deps) =>
    createWebhookEndpoint(deps, integrator, body, idempotency),
  listWebhookEndpoints: async ({ integrator }, deps) => ({
    status: 200,
    body: await listWebhookEndpoints(deps, integrator),
  }),
  rotateWebhookSecret: ({ integrator, params, idempotency }, deps) =>
    rotateWebhookSecret(deps, integrator, params.endpointId, idempotency),
  deleteWebhookEndpoint: ({ integrator, params, idempotency }, deps) =>
    deleteWebhookEndpoint(deps, integrator, params.endpointId, idempotency),
  listWebhookDeliveries: async ({ integrator, params, query }, deps) => ({
    status: 200,
    body: await listDeliveries(deps, integrator, params.endpointId, query),
  }),
  replayWebhookDelivery: ({ integrator, params, idempotency }, deps) =>
    replayDelivery(deps, integrator, params.endpointId, params.eventId, idempotency),
  replayWebhookDeliveries: ({ integrator, params, body, idempotency }, deps) =>
    replayDeliveries(deps, integrator, params.endpointId, body, idempotency),
} satisfies Partial<PublicOperations>;
