/** Lambda entry: the staff API (every route behind the JWT authorizer). */
import { recordingSignIns } from '../directory/record-sign-ins';
import { withOriginCheck } from '../edge/origin-verify';
import { createApiHandler } from '../http/dispatch';
import { instrumented } from '../observability/powertools';
import { staffFunction } from '../ops/staff';
import { originSecretsFromEnvironment } from './aws-deps';
import { staffDeps, staffSignIns } from './staff-deps';

export const handler = instrumented(
  withOriginCheck(
    recordingSignIns(createApiHandler('staff', staffFunction, staffDeps), staffSignIns),
    originSecretsFromEnvironment(),
  ),
);
