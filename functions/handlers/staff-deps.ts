/**
 * The staff function's dependencies: the signing ones and the staff directory, the user pool's groups, which no
 * other function lists (nor is granted cognito-idp:ListUsersInGroup on). Without a user pool (an OIDC deployment)
 * there is no directory, and an assignment is refused as DIRECTORY_UNAVAILABLE rather than taken unchecked.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { CognitoDirectory } from '../directory/cognito-directory';
import { traced } from '../observability/powertools';
import type { Deps } from '../service/deps';
import { signingDeps } from './signing-deps';

let deps: Promise<Deps> | undefined;

export function staffDeps(): Promise<Deps> {
  deps ??= signingDeps().then((common) => {
    const userPoolId = process.env[DEPLOYMENT_ENV.userPoolId];
    if (!userPoolId) return common;
    return { ...common, directory: new CognitoDirectory(traced(new CognitoIdentityProviderClient({})), userPoolId) };
  });
  return deps;
}
