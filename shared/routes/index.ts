/**
 * The one route table. The CDK stack makes an HTTP API route (and its authorizer) from each entry, the local gateway
 * matches requests against it, and each Lambda dispatches on the route key. Each concern keeps its routes in its own
 * file; lifecycle endpoints are derived from the transition tables, so a new transition is a new endpoint.
 */
import { CASE_DOCUMENT_ROUTES } from './case-documents';
import { COMPLAINT_ROUTES } from './complaints';
import { CORE_ROUTES, TRANSITION_ROUTES } from './core';
import { DIRECTORY_ROUTES } from './directory';
import { DOCUMENT_ROUTES } from './documents';
import { INTEGRATOR_ROUTES } from './integrators';
import { LEGACY_IMPORT_ROUTES } from './legacy-import';
import { LOG_ROUTES } from './log';
import { matchRouteIn, routesAtPathIn } from './match';
import { NATIONAL_REPORT_ROUTES } from './national-report';
import { OPERATIONS_ROUTES } from './operations';
import { ORGANIZATION_ROUTES } from './organizations';
import { PROCUREMENT_ROUTES } from './procurement';
import type { FunctionName, RouteSpec } from './spec';
import { STAR_MARK_ROUTES } from './star-marks';
import { WEBHOOK_ROUTES } from './webhooks';

export { matchRouteIn, routeKey, routesAtPathIn } from './match';
export type {
  Auth,
  FunctionName,
  HttpMethod,
  OperationRoute,
  RawResponse,
  RouteSpec,
  TransitionRef,
  TransitionRoute,
} from './spec';
export { isNone, noBody, noParams, noQuery, routeName } from './spec';

/** Every route served by a named operation, with its literal types: what the operation tables are checked against. */
export const OPERATION_ROUTES = [
  ...CORE_ROUTES,
  ...STAR_MARK_ROUTES,
  ...OPERATIONS_ROUTES,
  ...PROCUREMENT_ROUTES,
  ...DOCUMENT_ROUTES,
  ...INTEGRATOR_ROUTES,
  ...WEBHOOK_ROUTES,
  ...LOG_ROUTES,
  ...ORGANIZATION_ROUTES,
  ...DIRECTORY_ROUTES,
  ...CASE_DOCUMENT_ROUTES,
  ...NATIONAL_REPORT_ROUTES,
  ...COMPLAINT_ROUTES,
  ...LEGACY_IMPORT_ROUTES,
] as const;

export type OperationRouteOf = (typeof OPERATION_ROUTES)[number];
/** The operation keys: a route's `op` is one of these, and each function's table has exactly its own. */
export type OperationKey = OperationRouteOf['op'];
export type OperationKeyOf<F extends FunctionName> = Extract<OperationRouteOf, { fn: F }>['op'];
export type RouteOfOperation<K extends OperationKey> = Extract<OperationRouteOf, { op: K }>;

/**
 * The one table, in the order the gateway matches it: the transition routes (served by one generic operation) right
 * after the core routes, then every other group as listed above.
 */
export const ROUTES: readonly RouteSpec[] = [
  ...CORE_ROUTES,
  ...TRANSITION_ROUTES,
  ...OPERATION_ROUTES.slice(CORE_ROUTES.length),
];

/** The routes a concrete path names, one per method: what a CORS preflight for the path is answered from. */
export function routesAtPath(path: string): RouteSpec[] {
  return routesAtPathIn(ROUTES, path);
}

/** Matches a concrete request path to a route of the whole table, returning its path parameters (decoded). */
export function matchRoute(method: string, path: string): ReturnType<typeof matchRouteIn> {
  return matchRouteIn(ROUTES, method, path);
}
