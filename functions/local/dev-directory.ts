/** The staff directory of the embedded runtime: the development identity provider's users, the ones one signs in as. */
import type { DirectoryMember } from '../../shared/directory';
import type { Role } from '../../shared/model';
import type { HolderAddresses, StaffDirectory } from '../directory/port';
import { DEMO_USERS, type DemoUser } from './dev-identity';

const asMember = (u: DemoUser): DirectoryMember => ({ sub: u.sub, name: u.name, roles: [...u.roles] });

export const devDirectory: StaffDirectory & HolderAddresses = {
  membersOf: async (role: Role) => DEMO_USERS.filter((u) => u.roles.includes(role)).map(asMember),
  find: async (sub: string) => {
    const user = DEMO_USERS.find((u) => u.sub === sub);
    return user ? asMember(user) : null;
  },
  addressOf: async (sub: string) => DEMO_USERS.find((u) => u.sub === sub)?.email ?? null,
};
