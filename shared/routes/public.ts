/**
 * The public function's routes, in the table's order, from the files that hold public routes alone: the public
 * function dispatches on these, so its cold start builds none of the staff routes' schemas. The same entries as
 * `ROUTES` naming `public` (test/unit/route-table.test.ts holds them equal).
 */
import { PUBLIC_COMPLAINT_ROUTES } from './complaints-public';
import { PUBLIC_CORE_ROUTES } from './core-public';
import { LOG_ROUTES } from './log';
import { PROCUREMENT_ROUTES } from './procurement';
import type { RouteSpec } from './spec';
import { PUBLIC_STAR_MARK_ROUTES } from './star-marks-public';
import { WEBHOOK_ROUTES } from './webhooks';

export const PUBLIC_ROUTES: readonly RouteSpec[] = [
  ...PUBLIC_CORE_ROUTES,
  ...PUBLIC_STAR_MARK_ROUTES,
  ...PROCUREMENT_ROUTES,
  ...WEBHOOK_ROUTES,
  ...LOG_ROUTES,
  ...PUBLIC_COMPLAINT_ROUTES,
];
