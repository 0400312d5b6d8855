/**
 * The shape of a route: what the stack, the gateway and the functions each need to know about it. Every route
 * declares the schemas of its path parameters, query, body and answer; the dispatcher parses the first three once
 * and hands the operation their typed output, and OpenAPI is generated from all four.
 */
import type { ZodMiniType } from 'zod/mini';
import type { ApplicationTransition, CertificateTransition } from '../lifecycle/transitions';
import * as z from '../zod';

export type FunctionName = 'public' | 'staff';
export type HttpMethod = 'GET' | 'POST';
/** `apiKey`: an integrator's own resources, for the holder of an API key (the function checks and meters it). */
export type Auth = 'none' | 'staff' | 'apiKey';

/** An answer that is not JSON (SVG, PNG, HTML, CSS): the route says which media type it produces. */
export interface RawResponse {
  readonly raw: string;
}
export const rawResponse = (contentType: string): RawResponse => ({ raw: contentType });

/** A route without path parameters, query or body says so with these, so the document can leave them out. */
export const noParams = z.strictObject({});
/** Unknown query parameters are ignored where a route takes none (a cache-busting `?v=` changes nothing). */
export const noQuery = z.object({});
/** GET routes have no body; the dispatcher hands them `undefined`. */
export const noBody = z.undefined();

export const isNone = (schema: unknown): boolean => schema === noParams || schema === noQuery || schema === noBody;

export type TransitionRef =
  | { readonly aggregate: 'application'; readonly name: ApplicationTransition }
  | { readonly aggregate: 'certificate'; readonly name: CertificateTransition };

interface RouteBase {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `{name}` for a path parameter. */
  readonly path: string;
  readonly fn: FunctionName;
  /** Staff routes need a bearer token (the JWT authorizer in AWS, the dev identity provider locally). */
  readonly auth: Auth;
  /** Seconds a CDN may cache a public answer (QR-scan spikes hit the cache, not the table). */
  readonly cacheSeconds?: number;
  readonly summary: string;
  readonly params: ZodMiniType;
  readonly query: ZodMiniType;
  readonly body: ZodMiniType;
  readonly response: ZodMiniType | RawResponse;
}

/** A route served by a named operation of its function. */
export interface OperationRoute extends RouteBase {
  readonly op: string;
  readonly transition?: undefined;
}

/** A lifecycle step: served by its aggregate's transition operation, its body the transition's own input schema. */
export interface TransitionRoute extends RouteBase {
  readonly op?: undefined;
  readonly transition: TransitionRef;
}

export type RouteSpec = OperationRoute | TransitionRoute;

/** A route's stable name: its op, or `<aggregate>:<transition>` (OpenAPI's operationId, test labels). */
export function routeName(route: RouteSpec): string {
  return route.transition ? `${route.transition.aggregate}:${route.transition.name}` : route.op;
}

/**
 * Declares an operation route and keeps its literal types (op, function, auth, schemas): the functions' operation
 * tables are checked against them (functions/http/operation.ts).
 */
export function route<
  const Op extends string,
  const F extends FunctionName,
  const A extends Auth,
  P extends ZodMiniType,
  Q extends ZodMiniType,
  B extends ZodMiniType,
  R extends ZodMiniType | RawResponse,
>(
  spec: OperationRoute & { op: Op; fn: F; auth: A; params: P; query: Q; body: B; response: R },
): OperationRoute & { op: Op; fn: F; auth: A; params: P; query: Q; body: B; response: R } {
  return spec;
}
