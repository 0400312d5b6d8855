/** Lambda entry: the staff API (every route behind the JWT authorizer). */
import { withOriginCheck } from '../edge/origin-verify';
import { createApiHandler } from '../http/dispatch';
import { instrumented } from '../observability/powertools';
import { staffFunction } from '../ops/staff';
import { originSecretsFromEnvironment } from './aws-deps';
import { staffDeps } from './staff-deps';

export const handler = instrumented(
  withOriginCheck(createApiHandler('staff', staffFunction, staffDeps), originSecretsFromEnvironment()),
);
