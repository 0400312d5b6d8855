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

/**
 * The names the directory gives these people, for an audit trail to show who acted. A person it does not know (or
 * cannot be asked about just now) is left out: the trail still names them by their account, never fails for it.
 */
export async function namesOf(deps: Deps, subs: readonly string[]): Promise<Record<string, string>> {
  const directory = deps.directory;
  if (!directory) return {};
  const found = await Promise.all(subs.map((sub) => directory.find(sub).catch(() => null)));
  return Object.fromEntries(found.flatMap((m) => (m ? [[m.sub, m.name]] : [])));
}
