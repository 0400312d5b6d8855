/**
 * The e-mail channel in AWS: one SES message to the address a notice names (a watchlist's), from the one sender
 * address the stack verified and allowed this function (ses:SendEmail on that identity, for that From address
 * alone): a watchlist's change and a certificate holder's own notice (the webhook worker, which gives the holder's
 * notice the directory's address just before it sends) and a matter's reply (the staff function, as it closes the
 * matter). A notice without an address is not this channel's to send.
 */
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { messageOf, type OutboxMessage } from '../../shared/operations';
import type { Delivery, Notifier } from './port';

export class SesNotifier implements Notifier {
  readonly channel = 'ses' as const;

  constructor(
    private readonly client: Pick<SESv2Client, 'send'>,
    private readonly from: string,
  ) {}

  carries(m: OutboxMessage): boolean {
    return 'to' in m && typeof m.to === 'string' && m.to.length > 0;
  }

  async deliver(m: OutboxMessage): Promise<Delivery> {
    const to = 'to' in m ? m.to : undefined;
    if (!to) throw new Error(`${m.kind} names no address to e-mail`);
    const { subject, text } = messageOf(m);
    const out = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [to] },
        Content: {
          Simple: {
            Subject: { Data: subject, Charset: 'UTF-8' },
            Body: { Text: { Data: text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
    return out.MessageId ? { messageId: out.MessageId } : {};
  }
}
