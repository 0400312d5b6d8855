/**
 * The staff directory as the core sees it: a person the certification body knows, with the roles it holds (in AWS
 * the Cognito groups they are in, locally the development identity provider's users). Assigning a person to a case
 * asks the directory first; the rule here says what its answer means.
 */
import { isStaff } from '../access';
import { DomainError } from '../errors';
import { type Actor, ROLES, type Role } from '../model';
import * as z from '../zod';

export interface DirectoryMember {
  sub: string;
  /** What a person reads in a picker: the name, else the e-mail, else the user name. */
  name: string;
  roles: Role[];
}

/**
 * The directory entry a staff sign-in makes where the identity provider has no listing the registry may read (an
 * OIDC issuer): the verified token's subject, name and roles. Only members of staff are kept; an applicant or the
 * sweep is nobody to assign.
 */
export function memberFromSignIn(actor: Actor): DirectoryMember | null {
  if (!isStaff(actor)) return null;
  const roles = actor.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return { sub: actor.sub, name: actor.name || actor.sub, roles };
}

/** A sign-in older than this names nobody: a role the issuer took away from someone gone quiet lapses with it. */
export const SIGN_IN_DIRECTORY_DAYS = 30;
/** A kept sign-in is refreshed at most this often, so that a busy member of staff costs one write a day. */
export const SIGN_IN_REFRESH_MS = 24 * 3600_000;

export interface SignInEntry {
  member: DirectoryMember;
  signedInAt: string;
}

export function isCurrentSignIn(entry: SignInEntry, now: Date): boolean {
  return now.getTime() - Date.parse(entry.signedInAt) <= SIGN_IN_DIRECTORY_DAYS * 24 * 3600_000;
}

/** Whether this sign-in must be written: someone new, renamed, with other roles, or last kept over a day ago. */
export function signInNeedsWrite(kept: SignInEntry | null, member: DirectoryMember, now: Date): boolean {
  if (!kept) return true;
  const same =
    kept.member.name === member.name &&
    kept.member.roles.length === member.roles.length &&
    kept.member.roles.every((r) => member.roles.includes(r));
  return !same || now.getTime() - Date.parse(kept.signedInAt) >= SIGN_IN_REFRESH_MS;
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
export * from './holder-address';
