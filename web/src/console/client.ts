/**
 * The console's calls to the staff API: the bearer token on every request, an Idempotency-Key on every change (kept
 * by the caller until the change succeeds, so a retry after a network failure cannot act twice), and a signed-out
 * session when the API answers 401. Typed like the pages' client (../common/typed-api): a path of the OpenAPI
 * document, its parameters and body as its operation declares them, its answer as the document says — so a
 * mistyped path, a missing parameter or a body the route does not take fails the console's compile.
 */
import { type ApiOutcome, request } from '../common/api';
import { type AnswerOf, type BodyOf, type InputArgs, type PathWith, urlOf } from '../common/typed-api';
import { clearSession, loadSession } from './session';

let onSignedOut: () => void = () => undefined;

export function whenSignedOut(listener: () => void): void {
  onSignedOut = listener;
}

function authHeaders(): Record<string, string> {
  const session = loadSession();
  return session ? { authorization: `Bearer ${session.token}` } : {};
}

function watch<T>(outcome: ApiOutcome<T>): ApiOutcome<T> {
  if (outcome.kind === 'problem' && outcome.status === 401) {
    clearSession();
    onSignedOut();
  }
  return outcome;
}

export async function apiGet<P extends PathWith<'get'>>(
  path: P,
  ...[inputs]: NoInfer<InputArgs<P, 'get'>>
): Promise<ApiOutcome<AnswerOf<P, 'get'>>> {
  return watch(await request(urlOf(path, inputs ?? {}), { headers: authHeaders(), timeoutMs: 20_000 }));
}

export async function apiPost<P extends PathWith<'post'>>(
  path: P,
  body: BodyOf<P>,
  idempotencyKey: string,
  ...[inputs]: NoInfer<InputArgs<P, 'post'>>
): Promise<ApiOutcome<AnswerOf<P, 'post'>>> {
  return watch(
    await request(urlOf(path, inputs ?? {}), {
      method: 'POST',
      body,
      headers: { ...authHeaders(), 'idempotency-key': idempotencyKey },
      timeoutMs: 30_000,
    }),
  );
}

/** 32 hex characters from the platform's random source (randomUUID needs a secure context; this does not). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Downloads a file the staff API serves (star-mark artwork, the printable certificate): fetched with the token,
 * then saved from a blob URL, since a plain link cannot carry an Authorization header.
 */
export async function download<P extends PathWith<'get'>>(
  path: P,
  filename: string,
  ...[inputs]: NoInfer<InputArgs<P, 'get'>>
): Promise<ApiOutcome<null>> {
  let res: Response;
  try {
    res = await fetch(urlOf(path, inputs ?? {}), { headers: authHeaders(), cache: 'no-store' });
  } catch (error) {
    return { kind: 'network', error: String(error) };
  }
  if (!res.ok) {
    const problem = await res.json().catch(() => ({ code: `HTTP_${res.status}`, status: res.status }));
    return watch({ kind: 'problem', status: res.status, problem });
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { kind: 'ok', status: res.status, body: null };
}
