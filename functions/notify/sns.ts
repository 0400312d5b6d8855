/**
 * The AWS channel: one SNS message per reminder or notice, with attributes a subscription filter policy can route on (for
 * example, renewals to the sales desk, surveillance to the audit planners).
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { messageOf, type OutboxMessage } from '../../shared/operations';
import type { Delivery, Notifier } from './port';

/** SNS refuses subjects of 100 characters or more. */
const MAX_SUBJECT = 99;

export class SnsNotifier implements Notifier {
  readonly channel = 'sns' as const;

  constructor(
    private readonly client: Pick<SNSClient, 'send'>,
    private readonly topicArn: string,
  ) {}

  /** Staff read the topic: nothing addressed to a person outside the body goes there. */
  carries(m: OutboxMessage): boolean {
    return m.kind !== 'matter_reply' && m.kind !== 'watchlist_change' && m.kind !== 'holder_change';
  }

  async deliver(m: OutboxMessage): Promise<Delivery> {
    // The topic's subscribers are staff: a reply to a reporter (and its address) must never go there.
    // Nor a watchlist holder's e-mail, nor a certificate holder's: each names a person's address.
    if (m.kind === 'matter_reply' || m.kind === 'watchlist_change' || m.kind === 'holder_change')
      throw new Error(`a ${m.kind} message needs an e-mail channel, not the staff topic`);
    const message = messageOf(m);
    const out = await this.client.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: message.asciiSubject.slice(0, MAX_SUBJECT),
        Message: message.text,
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: m.kind },
          ...(m.kind === 'matter_overdue'
            ? { matter: { DataType: 'String', StringValue: m.matterId } }
            : {
                ...(m.kind === 'mark_reissued'
                  ? {}
                  : { threshold: { DataType: 'Number', StringValue: String(m.threshold) } }),
                certificate: { DataType: 'String', StringValue: m.number },
                applicant: { DataType: 'String', StringValue: m.applicantSub },
              }),
        },
      }),
    );
    return out.MessageId ? { messageId: out.MessageId } : {};
  }
}
