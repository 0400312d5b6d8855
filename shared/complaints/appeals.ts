/**
 * What an applicant may appeal, and until when: the decisions on its own case that change what it may claim, each
 * within the scheme's appeal period (SCHEME_CALENDAR.appealDays, counted in Beijing calendar days from the decision).
 */
import { addDays, chinaDate, type IsoDate } from '../calendar';
import { DomainError } from '../errors';
import { SCHEME_CALENDAR } from '../scheme/calendar';

export const APPEALABLE_DECISIONS = ['rejection', 'level', 'suspension', 'withdrawal'] as const;
export type AppealableDecision = (typeof APPEALABLE_DECISIONS)[number];

export const APPEALABLE_DECISION_LABELS: Record<AppealableDecision, { zh: string; en: string }> = {
  rejection: { zh: '不予认证决定', en: 'Rejection of the application' },
  level: { zh: '星级评定决定', en: 'Decision on the star level' },
  suspension: { zh: '暂停证书决定', en: 'Suspension of the certificate' },
  withdrawal: { zh: '撤销证书决定', en: 'Withdrawal of the certificate' },
};

/** The last day on which a decision taken at `decidedAt` may be appealed. */
export function appealDeadline(decidedAt: Date): IsoDate {
  return addDays(chinaDate(decidedAt), SCHEME_CALENDAR.appealDays);
}

/** Refuses an appeal filed after the deadline: 422 APPEAL_DEADLINE_PASSED. */
export function requireWithinAppealPeriod(decidedAt: Date, now: Date): void {
  const deadline = appealDeadline(decidedAt);
  if (chinaDate(now) > deadline)
    throw new DomainError('APPEAL_DEADLINE_PASSED', `the decision could be appealed until ${deadline}`);
}
