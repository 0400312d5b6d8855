/**
 * The holder's own notice: on each public change of a certificate (the same events a watchlist is told of), the
 * account that applied for it is sent one e-mail. The notice is queued in the change's own transaction and names
 * the holder by their sub alone: the address is the directory's, looked up when the message is sent, so no
 * address is ever part of a key or kept with the change. One notice per event (the key is the event's id).
 */
import { LEGACY_APPLICANT } from '../legacy-import/certificate';
import { certificateStatusLabel, type Label } from '../lifecycle/labels';
import { certificatePagePath } from '../pages';
import { levelLabel, type StarLevel } from '../scheme';
import type { PublicEvent } from '../transparency-log/entry';
import { beijingTime, EVENT_LABELS, FIELD_LABELS } from './email';
import type { CertificateEvent, FactField } from './events';

export const HOLDER_NOTICE_KIND = 'holder_change';

/**
 * Whether a certificate's applicant account is one to tell: an imported certificate's placeholder holder is no
 * account until an administrator links one, so no notice is queued for it (the worker would find no address).
 */
export const notifiableHolder = (sub: string | undefined): sub is string => !!sub && sub !== LEGACY_APPLICANT;

export interface HolderChangeNotice {
  /** `<event id>#holder`: one message per event. */
  key: string;
  kind: typeof HOLDER_NOTICE_KIND;
  /** Whom to tell: the certificate's applicant account, as the staff directory knows it. */
  holderSub: string;
  eventId: string;
  event: CertificateEvent['type'];
  number: string;
  organization: string;
  status: string;
  level: string;
  validUntil: string;
  changed: FactField[];
  /** When the change was made (the log entry's time). */
  at: string;
  /** The address, filled in from the directory when the message is sent; never stored with the queued notice. */
  to?: string;
  /** The certificate's permalink on the deployment's public site, filled in when the message is sent. */
  link?: string;
}

export function holderNoticeKey(eventId: string): string {
  return `${eventId}#holder`;
}

export function holderNoticeOf(event: CertificateEvent, holderSub: string): HolderChangeNotice {
  const c = event.data.certificate;
  return {
    key: holderNoticeKey(event.id),
    kind: HOLDER_NOTICE_KIND,
    holderSub,
    eventId: event.id,
    event: event.type,
    number: event.data.number,
    organization: c.organization.name,
    status: c.status,
    level: c.level,
    validUntil: c.validUntil,
    changed: event.data.changed,
    at: event.timestamp,
  };
}

/** The notice as it is sent: addressed, and linked to the certificate's permalink. */
export function addressed(n: HolderChangeNotice, to: string, publicBaseUrl: string): HolderChangeNotice {
  return { ...n, to, link: `${publicBaseUrl.replace(/\/+$/, '')}${certificatePagePath(n.number)}` };
}

export function holderChangeMessage(n: HolderChangeNotice): { subject: string; asciiSubject: string; text: string } {
  const what: Label = EVENT_LABELS[n.event.replace(/^certificate\./, '') as PublicEvent] ?? {
    zh: n.event,
    en: n.event,
  };
  const status = certificateStatusLabel(n.status);
  const level = (lang: 'zh' | 'en') => levelLabel(n.level as StarLevel, lang);
  const fields = (lang: keyof Label, sep: string) => n.changed.map((f) => FIELD_LABELS[f][lang]).join(sep);
  const when = beijingTime(n.at);
  const zh =
    `贵单位持有的证书 ${n.number}（${n.organization}）于北京时间 ${when} ${what.zh}。` +
    `变更项：${fields('zh', '、')}。当前状态：${status.zh}；星级：${level('zh')}；有效期至 ${n.validUntil}。` +
    `${n.link ? `证书公开页：${n.link}。` : ''}事件编号 ${n.eventId}。`;
  const en =
    `Your certificate ${n.number} (${n.organization}) was ${what.en} at ${when} Beijing time. ` +
    `Changed: ${fields('en', ', ')}. Status now: ${status.en}; level: ${level('en')}; valid until ${n.validUntil}. ` +
    `${n.link ? `Public page: ${n.link}. ` : ''}Event ${n.eventId}.`;
  return {
    subject: `[starmark] 您的证书 ${n.number} ${what.zh} / your certificate ${what.en}`,
    asciiSubject: `[starmark] your certificate ${n.number}: ${what.en}`,
    text: `${zh}\n\n${en}`,
  };
}
