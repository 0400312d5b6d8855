/**
 * The e-mail channel from the environment: SES when the stack gave a sender address, otherwise none (e-mails wait in
 * the queue). Apart from the SNS choice (from-env.ts) so that a function that only sends e-mail bundles no SNS client.
 */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { SesNotifier } from './ses';

/** The e-mail channel from the configured sender address (the only one the function may send from), if any. */
export function emailNotifierFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  client: () => Pick<SESv2Client, 'send'> = () => new SESv2Client({}),
): SesNotifier | undefined {
  const from = env[DEPLOYMENT_ENV.notifyEmailFrom];
  return from ? new SesNotifier(client(), from) : undefined;
}
