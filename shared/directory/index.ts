/**
 * The staff directory as the core sees it: a person the certification body knows, with the roles it holds (in AWS
 * the Cognito groups they are in, locally the development identity provider's users). Assigning a person to a case
 * asks the directory first; the rule here says what its answer means.
 */
import { DomainError } from '../errors';
import { ROLES, type Role } from '../model';
import * as z from '../zod';

export interface DirectoryMember {
  sub: string;
  /** What a person reads in a picker: the name, else the e-mail, else the user name. */
  name: string;
  roles: Role[];
}

/** A person named for a role on a case: who, in which role, and the body field that named them. */
export interface Assignee {
  sub: string;
  role: Role;
  field: string;
}

/** Refuses an assignee the directory does not know, or knows without the role the case needs of them. */
export function requireAssignable(assignee: Assignee, member: DirectoryMember | null): void {
  const path = `body.${assignee.field}`;
  if (!member) {
    throw new DomainError('ASSIGNEE_UNKNOWN', `${assignee.sub} is not in the staff directory`, [
      { path, message: 'no such person in the staff directory', code: 'ASSIGNEE_UNKNOWN' },
    ]);
  }
  if (!member.roles.includes(assignee.role)) {
    throw new DomainError('ASSIGNEE_LACKS_ROLE', `${assignee.sub} does not hold the role ${assignee.role}`, [
      { path, message: `not a member of ${assignee.role}`, code: 'ASSIGNEE_LACKS_ROLE' },
    ]);
  }
}

export const directoryPathSchema = z.strictObject({ role: z.enum(ROLES) });

export const directoryMemberSchema = z.object({
  sub: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
});
export const directoryListSchema = z.object({ items: z.array(directoryMemberSchema) });
