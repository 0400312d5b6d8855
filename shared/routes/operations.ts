/** Routes of the operations concern. */
import type { RouteSpec } from './spec';

export const OPERATIONS_ROUTES: readonly RouteSpec[] = [];
