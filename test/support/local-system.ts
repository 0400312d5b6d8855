/**
 * Integration tests talk to the real system: DynamoDB Local in memory on a free port with a fresh table, the real
 * handlers behind the local gateway, and the dev identity provider for tokens. One system per test file, started by
 * `useTestSystem()`; organizations come fresh from ./organizations, so a file never picks seeds.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_USERS } from '../../functions/local/dev-identity';
import { type LocalSystem, type LocalSystemOptions, startLocalSystem } from '../../functions/local/system';
import type { Role } from '../../shared/model';
import { ensureWebBuilt } from './web-build';

export interface TestSystem extends LocalSystem {
  /** Moves the system's clock: an instant, or a day (`2027-01-06`, meaning 10:00 in China that day). */
  setNow(isoOrDay: string): void;
  tokenOf(sub: string): Promise<string>;
  api: ApiClient;
  /** The data folder, for a system started with `onDisk`. */
  dataDir?: string;
  /** The copy of the built web pages it serves, for a system started with `web`. */
  webRoot?: string;
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

export interface TestSystemOptions
  extends Partial<
    Pick<
      LocalSystemOptions,
      | 'signingKeys'
      | 'publicBaseUrl'
      | 'certificationBody'
      | 'logIntegrationEveryMs'
      | 'anonymousRatePerSecond'
      | 'directory'
      | 'reportsPerClientPerHour'
      | 'webhookEveryMs'
    >
  > {
  /** Where the clock starts: an instant or a day, as setNow takes it. Default the real time. */
  now?: string;
  /** Serve the built web pages (a copy, so that a rebuild cannot pull files from under a running page). */
  web?: boolean;
  /** Keep the data on disk, in a fresh temporary data folder, as `npm start` does. */
  onDisk?: boolean;
}

/** 10:00 in China on that day: the instant at which the tests act on a day. */
const instantOf = (isoOrDay: string) =>
  new Date(/^\d{4}-\d{2}-\d{2}$/.test(isoOrDay) ? `${isoOrDay}T02:00:00Z` : isoOrDay);

/**
 * The file's system: started before its tests, stopped after them. The returned handle reads through to the
 * running system, so a test writes `sys.api.post(…)` and `sys.setNow('2027-01-06')`.
 */
export function useTestSystem(options: TestSystemOptions = {}): TestSystem {
  let system: TestSystem | undefined;
  const folders: string[] = [];
  beforeAll(async () => {
    const folder = (prefix: string) => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      folders.push(dir);
      return dir;
    };
    let webRoot: string | undefined;
    if (options.web) {
      webRoot = folder('starmark-web-');
      cpSync(await ensureWebBuilt(), webRoot, { recursive: true });
    }
    system = await startTestSystem({
      ...options,
      ...(webRoot ? { webRoot } : {}),
      ...(options.onDisk ? { dataDir: folder('starmark-data-') } : {}),
    });
  }, 180_000);
  afterAll(async () => {
    await system?.stop();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });
  return new Proxy({} as TestSystem, {
    get(_, key) {
      if (!system) throw new Error(`The test system is not running here: use sys.${String(key)} in a test or a hook.`);
      return Reflect.get(system, key);
    },
  });
}

async function startTestSystem(
  options: Omit<TestSystemOptions, 'web' | 'onDisk'> & Pick<LocalSystemOptions, 'webRoot' | 'dataDir'>,
): Promise<TestSystem> {
  const { now: start, ...rest } = options;
  let now = start ? instantOf(start) : new Date();
  // The log integrator runs when a test asks (sys.log.integrate()), so that no background write lands between two
  // snapshots of a test that proves a refused request wrote nothing.
  const system = await startLocalSystem({
    port: 0,
    certificatePrefix: 'SM',
    clock: () => new Date(now),
    logIntegrationEveryMs: false,
    // Every test sees the registry as it is: a snapshot is remade on each request.
    statusSnapshotMaxAgeMs: 0,
    // Tests fire requests far faster than a person: the anonymous limit is tested where a test asks for it.
    anonymousRatePerSecond: null,
    // Every test's filings come from the one local address: the per-client limit is tested where a test asks.
    reportsPerClientPerHour: null,
    // Webhooks go out when a test runs them (runWebhooks), for the same reason as the log integrator.
    webhookEveryMs: false,
    ...rest,
  });
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
  return {
    ...system,
    setNow: (isoOrDay) => (now = instantOf(isoOrDay)),
    tokenOf,
    api,
    ...(rest.dataDir ? { dataDir: rest.dataDir } : {}),
    ...(rest.webRoot ? { webRoot: rest.webRoot } : {}),
  };
}

/**
 * Ad-hoc users for tests: `evaluator-x`, `committee-y`, `applicant-z` get the role their name starts with, and
 * `applicant.committee-w` every role its name lists.
 */
function rolesFromName(sub: string): Role[] {
  const named = (sub.split('-')[0] ?? '').split('.') as Role[];
  return named.filter((role) => ['applicant', 'evaluator', 'committee', 'admin'].includes(role));
}
