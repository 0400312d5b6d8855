/** The shape of a route: what the stack, the gateway and the functions each need to know about it. */
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
}
