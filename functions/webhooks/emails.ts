/**
 * Watchlist e-mails after the fan-out has put them, and holders' e-mails queued with the change itself: each is its
 * own item under the webhook keys (one per event and recipient, put only if absent, so a second fan-out adds
 * nothing), due on gsi2 until sent. A holder's names the holder's sub; its address is the directory's, looked up
 * here, just before the send. A send first claims the
 * item (a conditional step, with a lease: a worker that dies mid-send leaves it due again later), then records it
 * as sent and writes the outbox entry the console shows. A failed send is due again later; like a webhook, it never
 * delays the change, which committed long before.
 */
import type { RegistryStore, Write } from '../../shared/store/port';
import { CommitConflict } from '../../shared/store/port';
import type { WatchlistChangeNotice } from '../../shared/webhooks/email';
import { addressed, type HolderChangeNotice, holderStillLinked } from '../../shared/webhooks/holder-email';
import { DUE_INDEX } from '../../shared/webhooks/stored-delivery';
import { webhookKeys } from '../../shared/webhooks/subscriptions';
import type { HolderAddresses } from '../directory/port';
import { log } from '../http/log';
import { markSent, type OutboxItem, outboxItem } from '../notify/ledger';
import type { Notifier } from '../notify/port';

/** A claimed send not recorded within this long (a worker that stopped) is tried again. */
const LEASE_MS = 5 * 60_000;
/** A failed send is tried again after this long, for as long as it keeps failing (the address may come back). */
const RETRY_MS = 10 * 60_000;

interface EmailItem {
  pk: string;
  sk: string;
  entity: 'watchlist-email' | 'holder-email';
  step: number;
  /**
   * `unaddressed`: the directory names no address for the holder; `unlinked`: the holder's account is no longer
   * linked to the certificate's organization. Either is kept, never tried again on its own, and not sent.
   */
  state: 'queued' | 'sent' | 'unaddressed' | 'unlinked';
  notice: WatchlistChangeNotice | HolderChangeNotice;
  attempts: number;
  lastError?: string;
}

function stored(item: EmailItem, dueAt?: Date): Record<string, unknown> & { pk: string; sk: string; step: number } {
  const due = dueAt
    ? {
        [`${DUE_INDEX}pk`]: webhookKeys.emailsDue,
        [`${DUE_INDEX}sk`]: `${dueAt.toISOString()}#${item.notice.key}`,
      }
    : {};
  return { ...item, ...due };
}

/** The put of a new e-mail, due at once; a second put of the same one fails its condition and adds nothing. */
export function emailWrite(notice: WatchlistChangeNotice | HolderChangeNotice, now: Date): Write {
  const item: EmailItem = {
    // The key's recipient part: the address's digest, or `holder`.
    ...webhookKeys.email(notice.eventId, notice.key.slice(notice.eventId.length + 1)),
    entity: notice.kind === 'holder_change' ? 'holder-email' : 'watchlist-email',
    step: 1,
    state: 'queued',
    notice,
    attempts: 0,
  };
  return { kind: 'advance', value: stored(item, now), from: null };
}

export interface EmailReport {
  emailed: number;
  emailFailures: number;
  /** Holders' e-mails the directory had no address for. */
  emailsUnaddressed: number;
  /** Holders' e-mails not sent because the holder's account was unlinked from the organization meanwhile. */
  emailsUnlinked: number;
}

/** Where a holder's e-mail finds its address and its link; without it, holders' e-mails stay queued. */
export interface HolderMail {
  holderAddresses?: HolderAddresses | undefined;
  config: { publicBaseUrl: string };
}

function advance(item: EmailItem, next: EmailItem, dueAt?: Date): Write {
  return { kind: 'advance', value: stored(next, dueAt), from: item.step };
}

/** Sends every e-mail due now once; without a notifier (a runtime that sends none) they stay queued. */
export async function sendDueEmails(
  deps: { store: RegistryStore; clock: () => Date } & Partial<HolderMail>,
  notifier: Notifier | undefined,
): Promise<EmailReport> {
  const report: EmailReport = { emailed: 0, emailFailures: 0, emailsUnaddressed: 0, emailsUnlinked: 0 };
  if (!notifier) return report;
  const now = deps.clock();
  const page = await deps.store.queryItems(webhookKeys.emailsDue, {
    index: DUE_INDEX,
    skUpTo: `${now.toISOString()}\uffff`,
    limit: 100,
  });
  for (const listed of page.items) {
    // The index may lag the table: the item itself says whether it is still due.
    const raw = await deps.store.getItem(String(listed.pk), String(listed.sk));
    if (!raw || raw.state !== 'queued') continue;
    const { [`${DUE_INDEX}pk`]: _p, [`${DUE_INDEX}sk`]: _s, ...rest } = raw;
    const item = rest as unknown as EmailItem;
    const holders = deps.holderAddresses && deps.config ? { ...deps.config, addresses: deps.holderAddresses } : null;
    if (item.notice.kind === 'holder_change' && !holders) continue;
    const claimed: EmailItem = { ...item, step: item.step + 1, attempts: item.attempts + 1 };
    try {
      await deps.store.commit({ writes: [advance(item, claimed, new Date(now.getTime() + LEASE_MS))] });
    } catch (error) {
      if (error instanceof CommitConflict) continue; // another worker has it
      throw error;
    }
    try {
      if (item.notice.kind === 'holder_change' && !(await stillLinked(deps.store, item.notice))) {
        await deps.store.commit({
          writes: [advance(claimed, { ...claimed, step: claimed.step + 1, state: 'unlinked' })],
        });
        log.info('holder e-mail: the holder is no longer linked to the organization', { key: item.notice.key });
        report.emailsUnlinked++;
        continue;
      }
      const notice =
        item.notice.kind === 'holder_change' && holders
          ? await addressedNotice(item.notice, holders.addresses, holders.publicBaseUrl)
          : item.notice;
      if (!notice) {
        const unaddressed: EmailItem = { ...claimed, step: claimed.step + 1, state: 'unaddressed' };
        await deps.store.commit({ writes: [advance(claimed, unaddressed)] });
        log.warn('holder e-mail: the directory names no address', { key: item.notice.key });
        report.emailsUnaddressed++;
        continue;
      }
      const delivery = await notifier.deliver(notice);
      const sent: EmailItem = { ...claimed, step: claimed.step + 1, state: 'sent' };
      const outbox: OutboxItem = outboxItem(notice, notifier.channel, now);
      await deps.store.commit({ writes: [advance(claimed, sent), markSent(outbox, delivery, deps.clock())] });
      report.emailed++;
    } catch (error) {
      const message = String((error as Error)?.message ?? error).slice(0, 500);
      const failed: EmailItem = { ...claimed, step: claimed.step + 1, lastError: message };
      await deps.store.commit({ writes: [advance(claimed, failed, new Date(now.getTime() + RETRY_MS))] });
      log.warn('e-mail failed', { key: item.notice.key, error: message });
      report.emailFailures++;
    }
  }
  return report;
}

/** Read just before the send: an account unlinked since the change is told nothing more of the certificate. */
async function stillLinked(store: RegistryStore, notice: HolderChangeNotice): Promise<boolean> {
  return holderStillLinked(notice, notice.creditCode ? await store.getOrganization(notice.creditCode) : undefined);
}

/** The holder's notice with the directory's address and the permalink; null when the directory has no address. */
async function addressedNotice(
  notice: HolderChangeNotice,
  addresses: HolderAddresses,
  publicBaseUrl: string,
): Promise<HolderChangeNotice | null> {
  const to = await addresses.addressOf(notice.holderSub);
  return to ? addressed(notice, to, publicBaseUrl) : null;
}
