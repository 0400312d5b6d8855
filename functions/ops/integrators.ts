/** Operations of the integrators concern: API keys (admin only; the use cases check the role). */
import { issueApiKey, listApiKeys, revokeApiKey } from '../service/api-keys';
import type { StaffOperations } from './tables';

export const integratorOperations = {
  issueApiKey: async ({ actor, body }, deps) => ({ status: 201, body: await issueApiKey(deps, actor, body) }),
  listApiKeys: async ({ actor }, deps) => ({ status: 200, body: await listApiKeys(deps, actor) }),
  revokeApiKey: async ({ actor, params }, deps) => ({
    status: 200,
    body: await revokeApiKey(deps, actor, params.keyId),
  }),
} satisfies Partial<StaffOperations>;
