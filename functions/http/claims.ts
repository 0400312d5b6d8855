/**
 * The caller, from the claims the API Gateway JWT authorizer passes (the local gateway passes the same shape).
 * Cognito puts groups in `cognito:groups`; an OIDC issuer in the claim the deployment names (ROLES_CLAIM). API
 * Gateway flattens an array claim into the string "[a b]".
 */
import { COGNITO_ROLES_CLAIM, DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { type Actor, ROLES, type Role } from '../../shared/model';

type Claims = Record<string, string | number | boolean | string[]>;

/**
 * The group names a claim carries, each whole: an array's elements as they are, API Gateway's flattened "[a b]"
 * split on the spaces it puts between them (a group name holds no whitespace). A comma is part of a name, so
 * "support,admin" is one unknown group, never two roles.
 */
export function groupsFrom(value: Claims[string] | undefined): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const flattened = /^\[.*\]$/s.test(value) ? value.slice(1, -1) : value;
  return flattened.split(/\s+/).filter(Boolean);
}

/** Only exact, known role names become roles; anything else a group is called gives nothing. */
export function rolesFrom(groups: readonly string[]): Role[] {
  return groups.filter((g): g is Role => (ROLES as readonly string[]).includes(g));
}

export function actorFromClaims(
  claims: Claims | undefined,
  rolesClaim = process.env[DEPLOYMENT_ENV.rolesClaim] || COGNITO_ROLES_CLAIM,
): Actor | null {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || !sub) return null;
  const roles = rolesFrom(groupsFrom(claims?.[rolesClaim]));
  const name = claims?.name ?? claims?.['cognito:username'] ?? claims?.preferred_username ?? claims?.username;
  return { sub, roles, ...(typeof name === 'string' ? { name } : {}) };
}
