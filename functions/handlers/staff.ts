/** Lambda entry: the staff API (every route behind the JWT authorizer). */
import { createApiHandler } from '../http/dispatch';
import { staffOperations } from '../ops/staff';
import { awsDeps } from './aws-deps';

export const handler = createApiHandler('staff', staffOperations, awsDeps);
