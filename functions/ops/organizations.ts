/** Operations of the organizations concern: the record read by staff, accounts linked and unlinked by admins. */
import { isStaff } from '../../shared/access';
import { DomainError } from '../../shared/errors';
import { loadOrganization, organizationHoldings, planAccountLink } from '../service/organizations';
import { execute } from '../service/plan';
import type { StaffOperations } from './tables';

export const organizationOperations = {
  getOrganization: async ({ actor, params }, deps) => {
    if (!isStaff(actor)) throw new DomainError('FORBIDDEN_ROLE', 'organizations are read by staff');
    const organization = await loadOrganization(deps, params.creditCode);
    const held = await organizationHoldings(deps, organization, params.creditCode);
    return { status: 200, body: { organization, ...held } };
  },
  linkOrganizationAccount: async ({ actor, params, body, idempotency }, deps) =>
    execute(deps, () => planAccountLink(deps, actor, params.creditCode, body, true), idempotency),
  unlinkOrganizationAccount: async ({ actor, params, body, idempotency }, deps) =>
    execute(deps, () => planAccountLink(deps, actor, params.creditCode, body, false), idempotency),
} satisfies Partial<StaffOperations>;
