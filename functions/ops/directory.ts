/** Operations of the staff directory: the members of a role, listed for administrators. */
import { mayListDirectory } from '../../shared/access';
import { DomainError } from '../../shared/errors';
import { directoryOf } from '../service/directory';
import type { StaffOperations } from './tables';

export const directoryOperations = {
  listDirectory: async ({ actor, params }, deps) => {
    if (!mayListDirectory(actor)) throw new DomainError('FORBIDDEN_ROLE', 'the staff directory is listed by admins');
    const items = await directoryOf(deps).membersOf(params.role);
    return { status: 200, body: { items: items.sort((a, b) => a.sub.localeCompare(b.sub)) } };
  },
} satisfies Partial<StaffOperations>;
