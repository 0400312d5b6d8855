/**
 * The sweep's two channels as the stack composes them, for tests of replies tried again: the staff topic (the real
 * SNS client, pointed at a port nothing listens on: it carries no reply) and SES for replies (the real SESv2 client,
 * pointed at the test's local SES endpoint), from one sender address.
 */
import { SNSClient } from '@aws-sdk/client-sns';
import { emailNotifierFromEnvironment } from '../../functions/notify/email-from-env';
import { SnsNotifier } from '../../functions/notify/sns';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import type { SesEndpoint } from './ses-endpoint';

export const REPLY_SENDER = 'notify@starmark.example.cn';

export function unreachableStaffTopic(): SnsNotifier {
  return new SnsNotifier(
    new SNSClient({
      endpoint: 'http://127.0.0.1:9',
      region: 'local',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
    }),
    'arn:aws:sns:local:0:starmark',
  );
}

/** SES for replies, through the test's endpoint (a fresh client each time: the endpoint's address is known late). */
export const replyEmail = (ses: SesEndpoint) =>
  emailNotifierFromEnvironment({ [DEPLOYMENT_ENV.notifyEmailFrom]: REPLY_SENDER }, ses.client);
