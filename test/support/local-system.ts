/**
 * Integration tests talk to the real system: DynamoDB Local in memory on a free port with a fresh table, the real
 * handlers behind the local gateway, and the dev identity provider for tokens. One system per test file.
 */

import { DEMO_USERS } from '../../functions/local/dev-identity';
import { type LocalSystem, type LocalSystemOptions, startLocalSystem } from '../../functions/local/system';
import type { Role } from '../../shared/model';

export interface TestSystem extends LocalSystem {
  /** Moves the system's clock; tests of dates and the sweep travel in time with it. */
  setNow(iso: string): void;
  tokenOf(sub: string): Promise<string>;
  api: ApiClient;
}

export interface ApiResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiClient {
  request<T = any>(
    method: string,
    path: string,
    options?: { as?: string; body?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string> },
  ): Promise<ApiResult<T>>;
  get<T = any>(path: string, as?: string): Promise<ApiResult<T>>;
  post<T = any>(path: string, body: unknown, as?: string, headers?: Record<string, string>): Promise<ApiResult<T>>;
}

export async function startTestSystem(
  options: Partial<LocalSystemOptions> & { now?: string } = {},
): Promise<TestSystem> {
  let now = options.now ? new Date(options.now) : new Date();
  const system = await startLocalSystem({ port: 0, certificatePrefix: 'SM', clock: () => new Date(now), ...options });
  const tokens = new Map<string, string>();
  const tokenOf = async (sub: string) => {
    const cached = tokens.get(sub);
    if (cached) return cached;
    const demo = DEMO_USERS.find((u) => u.sub === sub);
    const token = await system.identity.tokenFor(demo ?? { sub, roles: rolesFromName(sub) });
    tokens.set(sub, token);
    return token;
  };
  const request: ApiClient['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.as) headers.authorization = `Bearer ${await tokenOf(opts.as)}`;
    let body: string | Uint8Array | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(system.url + path, { method, headers, body: body as BodyInit | undefined });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as any, headers: res.headers };
  };
  const api: ApiClient = {
    request,
    get: (path, as) => request('GET', path, { as }),
    post: (path, body, as, headers) => request('POST', path, { as, body, headers }),
  };
  return { ...system, setNow: (iso) => (now = new Date(iso)), tokenOf, api };
}

/** Ad-hoc users for tests: `evaluator-x`, `committee-y`, `applicant-z` get the role their name starts with. */
function rolesFromName(sub: string): Role[] {
  const role = sub.split('-')[0] as Role;
  return ['applicant', 'evaluator', 'committee', 'admin'].includes(role) ? [role] : [];
}
