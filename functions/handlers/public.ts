/** Lambda entry: the public, read-only API. */
import { withOriginCheck } from '../edge/origin-verify';
import { createApiHandler } from '../http/dispatch';
import { instrumented } from '../observability/powertools';
import { publicFunction } from '../ops/public';
import { awsDeps, originSecretsFromEnvironment } from './aws-deps';

export const handler = instrumented(
  withOriginCheck(createApiHandler('public', publicFunction, awsDeps), originSecretsFromEnvironment()),
);
