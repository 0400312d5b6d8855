/** Lambda entry: the public, read-only API. */
import { createApiHandler } from '../http/dispatch';
import { publicOperations } from '../ops/public';
import { awsDeps } from './aws-deps';

export const handler = createApiHandler('public', publicOperations, awsDeps);
