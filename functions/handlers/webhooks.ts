/**
 * Lambda entry: the webhooks, run every minute by the schedule — new transparency-log entries fanned out into
 * deliveries, then every due delivery tried once. Its own composition root with the least it needs: the table (its
 * grant is the webhook items and the log entries it reads, nothing else) and the sender, which refuses any address
 * that is not public. No signing key, no bucket, no secret: an endpoint's signing secret is on its item. Watchlist
 * e-mails go by SES from the configured sender address; without one they stay queued (and are sent once it is). A
 * certificate holder's e-mail goes to the address the user pool has verified for them (cognito-idp:ListUsers on the
 * pool, filtered on their sub), linked to the certificate's page on the public site; without a pool (an OIDC
 * issuer, whose users the registry cannot look up) to the verified address the holder's own latest sign-in gave
 * (kept by the staff function, read here from its item: functions/directory/sign-in-addresses.ts). The sends
 * stop starting well within the minute, so a run ends before the next begins; overlapping runs would be harmless
 * anyway (every claim is conditional). A failed run fails the invocation, for the function's error alarm.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { CognitoDirectory } from '../directory/cognito-directory';
import { SignInAddresses } from '../directory/sign-in-addresses';
import { requireEnv } from '../env';
import { log } from '../http/log';
import { SesNotifier } from '../notify/ses';
import { instrumented, traced } from '../observability/powertools';
import { documentClient } from '../store/dynamo-client';
import { DynamoRegistryStore } from '../store/dynamo-store';
import { runWebhooks } from '../webhooks/run';
import { httpSender } from '../webhooks/sender';

/** How long a run keeps starting sends: with a send's own timeout (10 s) on top, still inside the minute. */
const SENDING_MS = 40_000;

let store: DynamoRegistryStore | undefined;
const sender = httpSender({ allowLoopback: false });
const emailFrom = process.env[DEPLOYMENT_ENV.notifyEmailFrom];
const notifier = emailFrom ? new SesNotifier(new SESv2Client({}), emailFrom) : undefined;
const userPoolId = process.env[DEPLOYMENT_ENV.userPoolId];
const cognitoAddresses = userPoolId
  ? new CognitoDirectory(traced(new CognitoIdentityProviderClient({})), userPoolId)
  : undefined;
const publicBaseUrl = process.env[DEPLOYMENT_ENV.publicBaseUrl] ?? '';

export const handler = instrumented(async () => {
  store ??= new DynamoRegistryStore(traced(documentClient()), requireEnv(DEPLOYMENT_ENV.tableName));
  const holderAddresses = cognitoAddresses ?? new SignInAddresses(store);
  const deps = { store, clock: () => new Date(), notifier, holderAddresses, config: { publicBaseUrl } };
  const report = await runWebhooks(deps, sender, {
    until: Date.now() + SENDING_MS,
  });
  log.info('webhooks', { ...report });
  return report;
});
