/** The staff directory port: who holds a role, and who a person is, as the identity provider knows them. */
import type { DirectoryMember } from '../../shared/directory';
import type { Role } from '../../shared/model';

export interface StaffDirectory {
  /** Everyone holding the role, each with all the roles they hold. */
  membersOf(role: Role): Promise<DirectoryMember[]>;
  /** The person with that subject, or null when the directory does not know them. */
  find(sub: string): Promise<DirectoryMember | null>;
}
