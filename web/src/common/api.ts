/**
 * The pages' HTTP client for their own origin's API. Every call ends in one of three outcomes, so a page can tell
 * "the server said no" (a problem+json answer with a stable code and zh/en titles) from "the network is down".
 */
import type { FieldIssue } from '../../../shared/errors';
import type { Msg } from './i18n';

/** RFC 9457 problem details as the API writes them (functions/http/problem.ts). */
export interface Problem {
  type?: string;
  code: string;
  title?: string;
  title_zh?: string;
  title_en?: string;
  status: number;
  detail?: string;
  errors?: FieldIssue[];
}

export type ApiOutcome<T> =
  | { kind: 'ok'; status: number; body: T }
  | { kind: 'problem'; status: number; problem: Problem }
  | { kind: 'network'; error: string };

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Gives up after this long (a weak signal is slower than none); default 10 s. */
  timeoutMs?: number;
  /** fetch cache mode; default 'no-store' for live data. */
  cache?: RequestCache;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).code === 'string';
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiOutcome<T>> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs ?? 10_000);
  const signal = options.signal ? anySignal([options.signal, timeout.signal]) : timeout.signal;
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal,
      cache: options.cache ?? 'no-store',
      credentials: 'same-origin',
    });
  } catch (error) {
    return { kind: 'network', error: String(error) };
  } finally {
    clearTimeout(timer);
  }
  let body: unknown;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (res.ok) return { kind: 'ok', status: res.status, body: body as T };
  const problem: Problem = isProblem(body)
    ? body
    : { code: res.status >= 500 ? 'UNAVAILABLE' : `HTTP_${res.status}`, status: res.status };
  // A gateway that cannot reach the API (or a service worker answering offline) looks like the network to a reader.
  if (res.status === 502 || res.status === 503 || res.status === 504) return { kind: 'network', error: problem.code };
  return { kind: 'problem', status: res.status, problem };
}

export function getJson<T>(
  path: string,
  options: Omit<RequestOptions, 'method' | 'body'> = {},
): Promise<ApiOutcome<T>> {
  return request<T>(path, options);
}

export function postJson<T>(
  path: string,
  body: unknown,
  options: Omit<RequestOptions, 'method' | 'body'> = {},
): Promise<ApiOutcome<T>> {
  return request<T>(path, { ...options, method: 'POST', body });
}

/** The problem's own bilingual title when it has one. */
export function problemTitle(problem: Problem): Msg | null {
  return problem.title_zh && problem.title_en ? { zh: problem.title_zh, en: problem.title_en } : null;
}

function anySignal(signals: AbortSignal[]): AbortSignal {
  const any = (AbortSignal as { any?: (s: AbortSignal[]) => AbortSignal }).any;
  if (any) return any(signals);
  const controller = new AbortController();
  for (const s of signals) s.addEventListener('abort', () => controller.abort(), { once: true });
  return controller.signal;
}
