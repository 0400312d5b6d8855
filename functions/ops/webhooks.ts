/** Operations of an API-key holder's subscriptions: the dispatcher has checked the key and names its holder. */
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
} satisfies Partial<PublicOperations>;
