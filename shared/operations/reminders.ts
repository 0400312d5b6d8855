/**
 * Reminders as pure rules: surveillance due within 60 and then 30 days, renewal within 180 and then 90. Each
 * (certificate, cycle, kind, due date, threshold) is reminded once; its key is what the ledger records, so that a
 * second run (or a second runner at the same time) sends nothing again.
 */
import { levelLabel, type StarLevel } from '../scheme';
import { SCHEME_CALENDAR } from '../scheme/calendar';
import type { DueEntry, DueKind } from './due';

export const REMINDER_THRESHOLDS: Record<DueKind, readonly number[]> = {
  surveillance: [60, 30],
  renewal: [SCHEME_CALENDAR.renewalLeadDays, 90],
};

export interface Reminder {
  key: string;
  kind: DueKind;
  /** The tightest threshold crossed: 30 supersedes 60 when a certificate first comes into view at 25 days. */
  threshold: number;
  number: string;
  cycle: number;
  due: string;
  daysLeft: number;
  organization: { name: string; creditCode: string };
  level: StarLevel;
  applicantSub: string;
}

/**
 * The due date is part of the key: a surveillance postponed to a new deadline is reminded again for that deadline,
 * and the two surveillances of one cycle never share a key.
 */
export function reminderKey(r: Pick<Reminder, 'number' | 'cycle' | 'kind' | 'due' | 'threshold'>): string {
  return `${r.number}#${r.cycle}#${r.kind}#${r.due}#${r.threshold}`;
}

/** The reminder an entry calls for today, if any. Past the due date it is too late: the sweep acts instead. */
export function reminderFor(entry: DueEntry): Reminder | null {
  if (entry.daysLeft < 0) return null;
  if (entry.kind === 'renewal' && entry.renewalOpen) return null;
  const crossed = REMINDER_THRESHOLDS[entry.kind].filter((t) => entry.daysLeft <= t);
  if (crossed.length === 0) return null;
  const threshold = Math.min(...crossed);
  const { kind, number, cycle, due, daysLeft, organization, level, applicantSub } = entry;
  return {
    key: reminderKey({ number, cycle, kind, due, threshold }),
    kind,
    threshold,
    number,
    cycle,
    due,
    daysLeft,
    organization,
    level,
    applicantSub,
  };
}

export function remindersFor(entries: readonly DueEntry[]): Reminder[] {
  return entries.map(reminderFor).filter((r): r is Reminder => r !== null);
}

const KIND_TEXT: Record<DueKind, { zh: string; en: string }> = {
  surveillance: { zh: '监督审核', en: 'surveillance audit' },
  renewal: { zh: '再认证', en: 'renewal' },
};

/**
 * The words a person receives, Chinese first; organization names are data, never markup. E-mail subjects through
 * SNS must be ASCII, so the channel that needs it takes `asciiSubject`.
 */
export function reminderMessage(r: Reminder): { subject: string; asciiSubject: string; text: string } {
  const kind = KIND_TEXT[r.kind];
  const levelText = `（${levelLabel(r.level, 'zh')}）`;
  const subject = `[starmark] ${r.number} ${kind.zh}将于 ${r.due} 到期 / ${kind.en} due ${r.due}`;
  const zh =
    r.kind === 'surveillance'
      ? `${r.organization.name} 的证书 ${r.number}${levelText} 须在 ${r.due} 前完成监督审核（剩余 ${r.daysLeft} 天），逾期证书将被暂停。`
      : `${r.organization.name} 的证书 ${r.number}${levelText} 将于 ${r.due} 到期（剩余 ${r.daysLeft} 天），请在到期前申请并完成再认证。`;
  const en =
    r.kind === 'surveillance'
      ? `Certificate ${r.number} of ${r.organization.name} needs its surveillance audit by ${r.due} (${r.daysLeft} days left); after that it is suspended.`
      : `Certificate ${r.number} of ${r.organization.name} expires on ${r.due} (${r.daysLeft} days left); apply for and complete renewal before then.`;
  const asciiSubject = `[starmark] ${r.number}: ${kind.en} due ${r.due} (${r.daysLeft} days)`;
  return { subject, asciiSubject, text: `${zh}\n\n${en}` };
}
