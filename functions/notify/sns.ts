/**
 * The AWS channel: one SNS message per reminder, with attributes a subscription filter policy can route on (for
 * example, renewals to the sales desk, surveillance to the audit planners).
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { type Reminder, reminderMessage } from '../../shared/operations';
import type { Delivery, Notifier } from './port';

/** SNS refuses subjects of 100 characters or more. */
const MAX_SUBJECT = 99;

export class SnsNotifier implements Notifier {
  readonly channel = 'sns' as const;

  constructor(
    private readonly client: Pick<SNSClient, 'send'>,
    private readonly topicArn: string,
  ) {}

  async deliver(reminder: Reminder): Promise<Delivery> {
    const message = reminderMessage(reminder);
    const out = await this.client.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: message.asciiSubject.slice(0, MAX_SUBJECT),
        Message: message.text,
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: reminder.kind },
          threshold: { DataType: 'Number', StringValue: String(reminder.threshold) },
          certificate: { DataType: 'String', StringValue: reminder.number },
          applicant: { DataType: 'String', StringValue: reminder.applicantSub },
        },
      }),
    );
    return out.MessageId ? { messageId: out.MessageId } : {};
  }
}
