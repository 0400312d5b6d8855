/** The staff directory port: who holds a role, and who a person is, as the identity provider knows them. */
import type { DirectoryMember } from '../../shared/directory';
import type { Role } from '../../shared/model';

export interface StaffDirectory {
  /** Everyone holding the role, each with all the roles they hold. */
  membersOf(role: Role): Promise<DirectoryMember[]>;
  /** The person with that subject, or null when the directory does not know them. */
  find(sub: string): Promise<DirectoryMember | null>;
}

/**
 * Where a person reads mail, as the identity provider knows it: a certificate's holder is told of changes to it at
 * this address. Asked just before a message is sent, so the registry keeps no copy of anyone's address.
 */
export interface HolderAddresses {
  /** The person's e-mail address, or null when the directory has none (or not a verified one) for them. */
  addressOf(sub: string): Promise<string | null>;
}
