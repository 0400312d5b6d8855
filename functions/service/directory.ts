/** The staff directory in the use cases: every person named for a role on a case is looked up before anything is written. */
import { type Assignee, requireAssignable } from '../../shared/directory';
import { DomainError } from '../../shared/errors';
import type { StaffDirectory } from '../directory/port';
import type { Deps } from './deps';

export function directoryOf(deps: Deps): StaffDirectory {
  if (!deps.directory) throw new DomainError('DIRECTORY_UNAVAILABLE', 'this deployment has no staff directory');
  return deps.directory;
}

/** Refuses (422) an assignee the directory does not know or knows without the role; nothing named, nothing asked. */
export async function requireListed(deps: Deps, assignee: Assignee | null): Promise<void> {
  if (!assignee) return;
  requireAssignable(assignee, await directoryOf(deps).find(assignee.sub));
}
