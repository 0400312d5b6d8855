/**
 * The caller, from the claims the API Gateway JWT authorizer passes (the local gateway passes the same shape).
 * Cognito puts groups in `cognito:groups`; an OIDC issuer in the claim the deployment names (ROLES_CLAIM). API
 * Gateway flattens an array claim into the string "[a b]".
 */
import { COGNITO_ROLES_CLAIM, DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { type Actor, ROLES, type Role } from '../../shared/model';

type Claims = Record<string, string | number | boolean | string[]>;

export function groupsFrom(value: Claims[string] | undefined): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

export function actorFromClaims(
  claims: Claims | undefined,
  rolesClaim = process.env[DEPLOYMENT_ENV.rolesClaim] || COGNITO_ROLES_CLAIM,
): Actor | null {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || !sub) return null;
  const roles = groupsFrom(claims?.[rolesClaim]).filter((g): g is Role => (ROLES as readonly string[]).includes(g));
  const name = claims?.name ?? claims?.['cognito:username'] ?? claims?.preferred_username ?? claims?.username;
  return { sub, roles, ...(typeof name === 'string' ? { name } : {}) };
}
