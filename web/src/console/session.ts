/**
 * Who is signed in: the bearer token and the user it was issued for, kept in sessionStorage so a reload keeps the
 * session and closing the tab ends it. The token is never written anywhere else (no cookie, no localStorage).
 */
import type { Role } from '../../../shared/model';

export interface SessionUser {
  sub: string;
  name?: string;
  roles: Role[];
}

export interface Session {
  token: string;
  user: SessionUser;
}

const KEY = 'starmark.console.session';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

let current: Session | null = null;

export function loadSession(): Session | null {
  if (current) return current;
  try {
    const raw = storage()?.getItem(KEY);
    current = raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    current = null;
  }
  return current;
}

export function saveSession(session: Session): void {
  current = session;
  storage()?.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  current = null;
  storage()?.removeItem(KEY);
}

/** Who sees what is the core's rule (shared/access), the same one the API enforces. */
export { hasRole, isStaff } from '../../../shared/access';
