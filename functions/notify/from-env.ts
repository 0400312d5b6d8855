/**
 * Chooses the reminders' channel from the environment: SNS when the stack gave a topic, otherwise the outbox alone.
 * The e-mail channel is chosen apart (email-from-env.ts), so the staff function bundles no SNS client.
 */
import { SNSClient } from '@aws-sdk/client-sns';
import { OutboxNotifier } from './outbox';
import type { Notifier } from './port';
import { SnsNotifier } from './sns';

export function notifierFromEnvironment(env: NodeJS.ProcessEnv = process.env): Notifier {
  const topicArn = env.NOTIFY_TOPIC_ARN;
  return topicArn ? new SnsNotifier(new SNSClient({}), topicArn) : new OutboxNotifier();
}
