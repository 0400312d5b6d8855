/**
 * The staff function's dependencies: the signing ones, the reply's e-mail channel, and the staff directory, which no
 * other function reads. With a Cognito user pool it is the pool's groups (the only function granted
 * cognito-idp:ListUsersInGroup); with an OIDC issuer, whose members the registry cannot list, it is the staff's own
 * sign-ins, kept in the table, beside the verified addresses applicants' sign-ins give (the holders' e-mails').
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { CognitoDirectory } from '../directory/cognito-directory';
import { allOf, type SignInRecorder } from '../directory/record-sign-ins';
import { SignInAddresses } from '../directory/sign-in-addresses';
import { SignInDirectory } from '../directory/sign-in-directory';
import { emailNotifierFromEnvironment } from '../notify/email-from-env';
import { traced } from '../observability/powertools';
import type { Deps } from '../service/deps';
import { signingDeps } from './signing-deps';

let deps: Promise<Deps & { signIns?: SignInRecorder }> | undefined;

export function staffDeps(): Promise<Deps & { signIns?: SignInRecorder }> {
  deps ??= signingDeps().then((signing) => {
    const common = { ...signing, ...replyChannel() };
    const userPoolId = process.env[DEPLOYMENT_ENV.userPoolId];
    if (userPoolId)
      return { ...common, directory: new CognitoDirectory(traced(new CognitoIdentityProviderClient({})), userPoolId) };
    const directory = new SignInDirectory(common.store, common.clock);
    const signIns = allOf(directory, new SignInAddresses(common.store, common.clock));
    return { ...common, directory, signIns };
  });
  return deps;
}

/**
 * The reply to a reporter goes by SES as the matter closes, from the configured sender address (the one this function
 * may send from); without one it stays queued. Only e-mails go this way: the rest of the queue is the sweep's.
 */
function replyChannel(): Pick<Deps, 'notifier'> {
  const notifier = emailNotifierFromEnvironment(process.env, () => traced(new SESv2Client({})));
  return notifier ? { notifier } : {};
}

/** The recorder of staff sign-ins, where the directory is made of them. */
export const staffSignIns = (): Promise<SignInRecorder | undefined> => staffDeps().then((d) => d.signIns);
