/** The shape of a route: what the stack, the gateway and the functions each need to know about it. */
import type { ZodMiniType } from 'zod/mini';

export type FunctionName = 'public' | 'staff';
export type HttpMethod = 'GET' | 'POST';

export interface RouteSpec {
  method: HttpMethod;
  /** API Gateway path syntax: `{name}` for a path parameter. */
  path: string;
  fn: FunctionName;
  /** The operation the function runs: `transition:application:accept` etc. for lifecycle steps. */
  op: string;
  /** Staff routes need a bearer token (the JWT authorizer in AWS, the dev identity provider locally). */
  auth: 'none' | 'staff';
  /** Seconds a CDN may cache a public answer (QR-scan spikes hit the cache, not the table). */
  cacheSeconds?: number;
  summary: string;
  /**
   * The zod schemas the operation parses its input with (and, optionally, its answer's shape): the one definition
   * from which the OpenAPI document is generated (shared/openapi). Optional, so a route can be added before them.
   */
  params?: ZodMiniType;
  query?: ZodMiniType;
  body?: ZodMiniType;
  response?: ZodMiniType;
}
