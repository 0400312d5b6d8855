/**
 * Watchlist notices by e-mail: a watchlist may name one address, and on each public change of a certificate it
 * watches that address is sent one message — one per address and event however many of the holder's lists name
 * it, keyed by the event's stable id so a second fan-out or a retry never makes a second one. The words are the
 * change as the public record shows it, in Chinese and English, at Beijing time.
 */
import { CST_OFFSET_MS } from '../calendar';
import { sha256HexSync } from '../complaints/sha256';
import { certificateStatusLabel, type Label } from '../lifecycle/labels';
import type { PublicEvent } from '../transparency-log/entry';
import * as z from '../zod';
import { type CertificateEvent, type FactField, watches } from './events';

/** An address a person reads mail at; bounded like any field, lower-cased so one inbox is one recipient. */
export const notifyEmailSchema = z.string().check(
  z.trim(),
  z.maxLength(254),
  // ASCII only: no control, invisible or direction-changing character reaches a mail header.
  z.regex(/^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/, { message: 'not an e-mail address' }),
  z.toLowerCase(),
  z.describe('Where a change of what this list names is also e-mailed (one message per change)'),
);

export const WATCHLIST_NOTICE_KIND = 'watchlist_change';

export interface WatchlistChangeNotice {
  /** `<event id>#<address tag>`: one message per event and recipient, naming the address only by its digest. */
  key: string;
  kind: typeof WATCHLIST_NOTICE_KIND;
  to: string;
  eventId: string;
  event: CertificateEvent['type'];
  number: string;
  organization: string;
  status: string;
  changed: FactField[];
  /** When the change was made (the log entry's time). */
  at: string;
}

export const EVENT_LABELS: Readonly<Record<PublicEvent, Label>> = {
  issued: { zh: '证书颁发', en: 'issued' },
  renewed: { zh: '证书换证（再认证）', en: 'renewed' },
  level_changed: { zh: '星级变更', en: 'star level changed' },
  suspended: { zh: '证书暂停', en: 'suspended' },
  reinstated: { zh: '证书恢复', en: 'reinstated' },
  withdrawn: { zh: '证书撤销', en: 'withdrawn' },
  cancelled: { zh: '证书注销', en: 'cancelled' },
  expired: { zh: '证书过期', en: 'expired' },
  changed: { zh: '证书信息变更', en: 'details changed' },
};

export const FIELD_LABELS: Readonly<Record<FactField, Label>> = {
  status: { zh: '状态', en: 'status' },
  statusReason: { zh: '状态原因', en: 'status reason' },
  level: { zh: '星级', en: 'star level' },
  validFrom: { zh: '有效期起', en: 'valid from' },
  validUntil: { zh: '有效期至', en: 'valid until' },
  cycle: { zh: '认证周期', en: 'cycle' },
  organization: { zh: '组织名称', en: 'organization' },
  scope: { zh: '认证范围', en: 'scope' },
  lastSurveillance: { zh: '上次监督', en: 'last surveillance' },
  nextSurveillance: { zh: '下次监督', en: 'next surveillance' },
  lastChange: { zh: '证书变更', en: 'change' },
};

/** `2026-11-23 10:00`: the instant on the clock in Beijing (no daylight saving, so a fixed offset is exact). */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The recipient in a key: a digest of the address, so keys (the table's, the outbox's, an index's) never carry it
 * and the sent record, which drops the address, keeps nothing that reads back to it.
 */
export function addressTag(address: string): string {
  return sha256HexSync(address).slice(0, 24);
}

/** The e-mails of one event: each address named by a watchlist that watches it, once. */
export function emailNoticesOf(
  event: CertificateEvent,
  watchlists: readonly { numbers: readonly string[]; creditCodes: readonly string[]; notifyEmail?: string }[],
): WatchlistChangeNotice[] {
  const to = new Set(watchlists.flatMap((w) => (w.notifyEmail && watches(w, event) ? [w.notifyEmail] : [])));
  return [...to].map((address) => ({
    key: `${event.id}#${addressTag(address)}`,
    kind: WATCHLIST_NOTICE_KIND,
    to: address,
    eventId: event.id,
    event: event.type,
    number: event.data.number,
    organization: event.data.certificate.organization.name,
    status: event.data.certificate.status,
    changed: event.data.changed,
    at: event.timestamp,
  }));
}

export function watchlistChangeMessage(n: WatchlistChangeNotice): {
  subject: string;
  asciiSubject: string;
  text: string;
} {
  const what = EVENT_LABELS[n.event.replace(/^certificate\./, '') as PublicEvent] ?? { zh: n.event, en: n.event };
  const status = certificateStatusLabel(n.status);
  const fields = (lang: keyof Label, sep: string) => n.changed.map((f) => FIELD_LABELS[f][lang]).join(sep);
  const when = beijingTime(n.at);
  const zh =
    `您关注的证书 ${n.number}（${n.organization}）于北京时间 ${when} ${what.zh}。` +
    `变更项：${fields('zh', '、')}。当前状态：${status.zh}。事件编号 ${n.eventId}。`;
  const en =
    `Certificate ${n.number} (${n.organization}) on your watchlist was ${what.en} at ${when} Beijing time. ` +
    `Changed: ${fields('en', ', ')}. Status now: ${status.en}. Event ${n.eventId}.`;
  return {
    subject: `[starmark] ${n.number} ${what.zh} / ${what.en}`,
    asciiSubject: `[starmark] ${n.number}: ${what.en}`,
    text: `${zh}\n\n${en}`,
  };
}
