/**
 * One round of the webhooks: new log entries into deliveries and e-mails, then every due delivery tried once and
 * every due e-mail sent (when the runtime has a notifier; a holder's, when it also has the holders' addresses).
 */
import type { RegistryStore } from '../../shared/store/port';
import type { Notifier } from '../notify/port';
import { type DeliveryOptions, type DeliveryReport, deliverDue } from './deliver';
import { type EmailReport, type HolderMail, sendDueEmails } from './emails';
import { type FanOutReport, fanOut } from './fan-out';
import type { WebhookSender } from './sender';

export async function runWebhooks(
  deps: { store: RegistryStore; clock: () => Date; notifier?: Notifier | undefined } & Partial<HolderMail>,
  sender: WebhookSender,
  options: DeliveryOptions = {},
): Promise<FanOutReport & DeliveryReport & EmailReport> {
  const fanned = await fanOut(deps);
  const delivered = await deliverDue(deps, sender, options);
  return { ...fanned, ...delivered, ...(await sendDueEmails(deps, deps.notifier)) };
}
