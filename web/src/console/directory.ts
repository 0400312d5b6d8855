/**
 * The staff directory as the console reads it: the people holding a role (GET /v1/staff/directory/{role}), listed
 * for administrators, who assign them. Read once per signed-in person; an empty list leaves the field a text box.
 */
import { mayListDirectory } from '../../../shared/access';
import type { DirectoryMember } from '../../../shared/directory';
import type { Role } from '../../../shared/model';
import { apiGet } from './client';
import type { SessionUser } from './session';

const cache = new Map<string, Promise<readonly DirectoryMember[]>>();

export function directoryMembers(user: SessionUser, role: Role): Promise<readonly DirectoryMember[]> {
  if (!mayListDirectory(user)) return Promise.resolve([]);
  const key = `${user.sub} ${role}`;
  let members = cache.get(key);
  if (!members) {
    members = apiGet('/v1/staff/directory/{role}', { params: { role } }).then((res) =>
      res.kind === 'ok' ? res.body.items : [],
    );
    cache.set(key, members);
  }
  return members;
}
