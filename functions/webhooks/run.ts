/** One round of the webhooks: new log entries into deliveries, then every due delivery tried once. */
import type { RegistryStore } from '../../shared/store/port';
import { type DeliveryOptions, type DeliveryReport, deliverDue } from './deliver';
import { type FanOutReport, fanOut } from './fan-out';
import type { WebhookSender } from './sender';

export async function runWebhooks(
  deps: { store: RegistryStore; clock: () => Date },
  sender: WebhookSender,
  options: DeliveryOptions = {},
): Promise<FanOutReport & DeliveryReport> {
  const fanned = await fanOut(deps);
  return { ...fanned, ...(await deliverDue(deps, sender, options)) };
}
