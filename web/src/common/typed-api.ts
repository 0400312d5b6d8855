/**
 * The pages' typed client: a path of the OpenAPI document, its parameters and body typed by the operation the
 * document declares for it (openapi-types.ts, generated from the document by `npm run api-types`), and its answer
 * typed by the operation's JSON success response. It sends through request() (./api), so the outcomes stay the
 * three a page tells apart: the answer, a problem, the network.
 */
import { type ApiOutcome, type RequestOptions, request } from './api';
import type { paths } from './openapi-types';

type Method = 'get' | 'post';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The document's paths that have this method. */
export type PathWith<M extends Method> = {
  [P in keyof paths]: [NonNullable<paths[P][M]>] extends [never] ? never : P;
}[keyof paths];

type JsonContent<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Success<R> = { [S in keyof R]: S extends '2XX' | 200 | 201 ? JsonContent<R[S]> : never }[keyof R];

/** What the operation answers when it succeeds (application/json). */
export type AnswerOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? Success<R> : never;

/** What the operation's request body is (application/json). */
export type BodyOf<P extends keyof paths> = JsonContent<NonNullable<Operation<P, 'post'>['requestBody']>>;

type Parameters<O> = O extends { parameters: infer A } ? A : never;
type Given<T> = [T] extends [never] ? object : [undefined] extends [T] ? { [K in never]: never } : T;
type PathParams<O> = Parameters<O> extends { path?: infer T } ? Given<T> : object;
type QueryParams<O> = Parameters<O> extends { query?: infer T } ? Given<T> : object;

/** A path with `{name}` parameters requires them: the document says `path: {…}` (not `path?: never`). */
type HasPathParams<O> = Parameters<O> extends { path: object } ? true : false;

export type Inputs<P extends keyof paths, M extends Method> = (HasPathParams<Operation<P, M>> extends true
  ? { params: PathParams<Operation<P, M>> }
  : { params?: PathParams<Operation<P, M>> }) & { query?: QueryParams<Operation<P, M>> };

/** The inputs argument: required where the path has parameters, else optional. */
export type InputArgs<P extends keyof paths, M extends Method> =
  HasPathParams<Operation<P, M>> extends true ? [inputs: Inputs<P, M>] : [inputs?: Inputs<P, M>];

/** The URL of a path with its `{name}` parameters filled in and its query appended (unset values left out). */
export function urlOf(path: string, inputs: { params?: object; query?: object }): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (inputs.params as Record<string, unknown> | undefined)?.[name];
    if (value === undefined) throw new RangeError(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(inputs.query ?? {})) {
    if (value !== undefined && value !== '') query.append(name, String(value));
  }
  const text = query.toString();
  return text ? `${filled}?${text}` : filled;
}

type Options = Omit<RequestOptions, 'method' | 'body'>;

export function apiGet<P extends PathWith<'get'>>(
  path: P,
  ...args: NoInfer<[...InputArgs<P, 'get'>, options?: Options]>
): Promise<ApiOutcome<AnswerOf<P, 'get'>>> {
  // Either shape InputArgs allows: the inputs (required or not), then the options.
  const [inputs = {}, options = {}] = args as unknown as [Inputs<P, 'get'>?, Options?];
  return request(urlOf(path, inputs), options);
}

export function apiPost<P extends PathWith<'post'>>(
  path: P,
  body: BodyOf<P>,
  ...args: NoInfer<[...InputArgs<P, 'post'>, options?: Options]>
): Promise<ApiOutcome<AnswerOf<P, 'post'>>> {
  const [inputs = {}, options = {}] = args as unknown as [Inputs<P, 'post'>?, Options?];
  return request(urlOf(path, inputs), { ...options, method: 'POST', body });
}
