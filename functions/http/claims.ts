/**
 * The caller, from the claims the API Gateway JWT authorizer passes (the local gateway passes the same shape).
 * Cognito puts groups in `cognito:groups`; API Gateway flattens an array claim into the string "[a b]".
 */
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

export function actorFromClaims(claims: Claims | undefined): Actor | null {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || !sub) return null;
  const roles = groupsFrom(claims?.['cognito:groups']).filter((g): g is Role =>
    (ROLES as readonly string[]).includes(g),
  );
  const name = claims?.name ?? claims?.['cognito:username'] ?? claims?.username;
  return { sub, roles, ...(typeof name === 'string' ? { name } : {}) };
}
