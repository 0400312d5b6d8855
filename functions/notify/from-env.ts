/**
 * Chooses the channels from the environment: SNS when the stack gave a topic, otherwise the outbox alone; and SES
 * for e-mail when the stack gave a sender address, otherwise none (e-mails wait in the queue).
 */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { OutboxNotifier } from './outbox';
import type { Notifier } from './port';
import { SesNotifier } from './ses';
import { SnsNotifier } from './sns';

export function notifierFromEnvironment(env: NodeJS.ProcessEnv = process.env): Notifier {
  const topicArn = env.NOTIFY_TOPIC_ARN;
  return topicArn ? new SnsNotifier(new SNSClient({}), topicArn) : new OutboxNotifier();
}

/** The e-mail channel from the configured sender address (the only one the function may send from), if any. */
export function emailNotifierFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  client: () => Pick<SESv2Client, 'send'> = () => new SESv2Client({}),
): SesNotifier | undefined {
  const from = env[DEPLOYMENT_ENV.notifyEmailFrom];
  return from ? new SesNotifier(client(), from) : undefined;
}
