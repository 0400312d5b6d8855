/**
 * Who the ID token says the user is, for display and navigation only: the signature is checked by API Gateway's JWT
 * authorizer on every staff call, so nothing here grants access (a forged token would only show a wrong menu).
 */
import { ROLES, type Role } from '../../../../shared/model';
import type { SessionUser } from '../session';

function decodeSegment(segment: string): unknown {
  const b64 = segment
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * The user of an ID token, or null when it is not a JWT with a subject. Roles are read from `rolesClaim` (Cognito's
 * groups, or the claim an OIDC deployment names); unknown groups are ignored.
 */
export function userFromIdToken(token: string, rolesClaim = 'cognito:groups'): SessionUser | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  let claims: Record<string, unknown>;
  try {
    claims = decodeSegment(parts[1]!) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!claims || typeof claims.sub !== 'string') return null;
  const groups = Array.isArray(claims[rolesClaim]) ? (claims[rolesClaim] as unknown[]) : [];
  const roles = groups.filter((g): g is Role => typeof g === 'string' && (ROLES as readonly string[]).includes(g));
  const name = [claims.name, claims.preferred_username, claims.email].find(
    (n): n is string => typeof n === 'string' && n.length > 0,
  );
  return { sub: claims.sub, name, roles };
}
