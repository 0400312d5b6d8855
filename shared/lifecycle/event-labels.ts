/**
 * An audit event as a person reads it: the step in the lifecycle's words, the state it left and reached, and what it
 * changed, taken from the facts the step recorded (evaluator, score and level, outcome, dates, the change made). The
 * step names come from the transition table (a matter's from its handling table); every other word from labels.ts
 * (a matter's from the complaints' own).
 */
import {
  MATTER_OUTCOME_LABELS,
  MATTER_PHOTO_ATTACHED_LABEL,
  MATTER_RECEIVED_LABEL,
  MATTER_STATE_LABELS,
} from '../complaints/labels';
import { MATTER_STEPS } from '../complaints/states';
import type { AuditEvent } from '../model';
import type { StarLevel } from '../scheme/indicators';
import { levelLabel } from '../scheme/levels';
import {
  applicationStateLabel,
  CERTIFICATE_ISSUED_LABEL,
  certificateStatusLabel,
  changeFieldLabel,
  changeKindLabel,
  changeReasonLabel,
  groundLabel,
  type Label,
  OTHER_EVENT_LABELS,
  outcomeLabel,
  SYSTEM_ACTOR_LABELS,
} from './labels';
import { APPLICATION_TRANSITIONS, CERTIFICATE_TRANSITIONS } from './transitions';

export type EventStream = 'application' | 'certificate' | 'matter';
type Described = Pick<AuditEvent, 'action' | 'from' | 'to' | 'data'>;

/** What a fact's value is: text as recorded, a calendar date, a label, a person (named by the directory), a change. */
export type FactValue =
  | { kind: 'text'; text: string }
  | { kind: 'date'; date: string }
  | { kind: 'labels'; labels: readonly Label[] }
  | { kind: 'person'; sub: string }
  | { kind: 'change'; from: string | null; to: string };

export interface EventFact {
  key: string;
  term: Label;
  value: FactValue;
}

const STEP_TABLES: Record<EventStream, Record<string, { slug: string; zh: string; en: string }>> = {
  application: APPLICATION_TRANSITIONS,
  certificate: CERTIFICATE_TRANSITIONS,
  matter: MATTER_STEPS,
};

export function eventLabel(stream: EventStream, action: string): Label {
  if (stream === 'certificate' && action === 'issue') return CERTIFICATE_ISSUED_LABEL;
  if (stream === 'matter' && action === 'receive') return MATTER_RECEIVED_LABEL;
  if (stream === 'matter' && action === 'attach-photo') return MATTER_PHOTO_ATTACHED_LABEL;
  const table = STEP_TABLES[stream];
  const spec = Object.values(table).find((t) => t.slug === action);
  return spec ? { zh: spec.zh, en: spec.en } : (OTHER_EVENT_LABELS[action] ?? { zh: action, en: action });
}

const matterStateLabel = (state: string): Label =>
  MATTER_STATE_LABELS[state as keyof typeof MATTER_STATE_LABELS] ?? { zh: state, en: state };

export const stateLabelOf = (stream: EventStream, state: string): Label =>
  stream === 'application'
    ? applicationStateLabel(state)
    : stream === 'certificate'
      ? certificateStatusLabel(state)
      : matterStateLabel(state);

/** The state left and the state reached, or null when the step kept it. */
export function stateChange(stream: EventStream, event: Described): { from: Label | null; to: Label } | null {
  if (event.from === event.to) return null;
  return { from: event.from === null ? null : stateLabelOf(stream, event.from), to: stateLabelOf(stream, event.to) };
}

/** The system's name for an actor that is not a person; null for a person (the directory names them). */
export function systemActorLabel(sub: string): Label | null {
  return SYSTEM_ACTOR_LABELS[sub] ?? null;
}

const T = {
  evaluatorSub: { zh: '评审员', en: 'Evaluator' },
  previousEvaluatorSub: { zh: '原评审员', en: 'Previous evaluator' },
  committeeSub: { zh: '认证决定人', en: 'Deciding committee member' },
  previousCommitteeSub: { zh: '原认证决定人', en: 'Previous deciding member' },
  handlerSub: { zh: '处理人', en: 'Handled by' },
  contractNo: { zh: '合同编号', en: 'Contract' },
  total: { zh: '得分', en: 'Score' },
  level: { zh: '星级', en: 'Level' },
  outcome: { zh: '结论', en: 'Outcome' },
  auditDate: { zh: '审核日期', en: 'Audit date' },
  reviewDate: { zh: '评审日期', en: 'Review date' },
  grounds: { zh: '须认证委员会决定', en: 'For the committee' },
  until: { zh: '推迟至', en: 'Postponed until' },
  cycle: { zh: '认证周期', en: 'Cycle' },
  validity: { zh: '有效期', en: 'Validity' },
  scope: { zh: '认证范围', en: 'Scope' },
  change: { zh: '变更', en: 'Change' },
  reasonCategory: { zh: '变更原因', en: 'Reason category' },
  certificate: { zh: '证书', en: 'Certificate' },
  applicationId: { zh: '申请', en: 'Application' },
  certificateStatus: { zh: '证书状态', en: 'Certificate status' },
  attempts: { zh: '发送次数', en: 'Attempts' },
  kid: { zh: '签名密钥', en: 'Signing key' },
  revokedKid: { zh: '已撤销的密钥', en: 'Revoked key' },
  document: { zh: '文件', en: 'File' },
  sha256: { zh: 'SHA-256', en: 'SHA-256' },
} as const satisfies Record<string, Label>;

const text = (value: unknown): FactValue | null =>
  typeof value === 'string' || typeof value === 'number' ? { kind: 'text', text: String(value) } : null;
const date = (value: unknown): FactValue | null => (typeof value === 'string' ? { kind: 'date', date: value } : null);
const person = (value: unknown): FactValue | null =>
  typeof value === 'string' ? { kind: 'person', sub: value } : null;
const labels = (...ls: Label[]): FactValue => ({ kind: 'labels', labels: ls });

const matterOutcome = (outcome: string): Label =>
  MATTER_OUTCOME_LABELS[outcome as keyof typeof MATTER_OUTCOME_LABELS] ?? { zh: outcome, en: outcome };

/** The facts of a step, in the order a reader wants them; facts the step did not record are left out. */
export function eventFacts(stream: EventStream, event: Described): EventFact[] {
  const d = event.data ?? {};
  const facts: EventFact[] = [];
  const add = (key: keyof typeof T, value: FactValue | null) => {
    if (value) facts.push({ key, term: T[key], value });
  };
  add('evaluatorSub', person(d.evaluatorSub));
  add('previousEvaluatorSub', person(d.previousEvaluatorSub));
  add('committeeSub', person(d.committeeSub));
  add('previousCommitteeSub', person(d.previousCommitteeSub));
  add('handlerSub', person(d.handlerSub));
  add('contractNo', text(d.contractNo));
  add('auditDate', date(d.auditDate));
  add('reviewDate', date(d.reviewDate));
  if (typeof d.total === 'number') add('total', text(d.total.toFixed(1)));
  if ('level' in d && (d.level === null || typeof d.level === 'string')) {
    const level = d.level as StarLevel | null;
    add('level', labels({ zh: levelLabel(level, 'zh'), en: levelLabel(level, 'en') }));
  }
  if (typeof d.outcome === 'string')
    add('outcome', labels(stream === 'matter' ? matterOutcome(d.outcome) : outcomeLabel(d.outcome)));
  if (Array.isArray(d.grounds)) add('grounds', labels(...d.grounds.map((g) => groundLabel(String(g)))));
  add('until', date(d.until));
  if (typeof d.cycle === 'number' && event.action !== 'issue') add('cycle', text(d.cycle));
  if (typeof d.validFrom === 'string' && typeof d.validUntil === 'string')
    add('validity', { kind: 'change', from: d.validFrom, to: d.validUntil });
  const scope = d.scope as { from?: unknown; to?: unknown } | undefined;
  if (scope && typeof scope.to === 'string')
    add('scope', { kind: 'change', from: typeof scope.from === 'string' ? scope.from : null, to: scope.to });
  if (typeof d.kind === 'string' && typeof d.field === 'string') {
    add('change', labels(changeKindLabel(d.kind), changeFieldLabel(d.field)));
    if (typeof d.to === 'string')
      facts.push({
        key: 'changeTo',
        term: changeFieldLabel(d.field),
        value: { kind: 'change', from: typeof d.from === 'string' ? d.from : null, to: d.to },
      });
    if (typeof d.reasonCategory === 'string') add('reasonCategory', labels(changeReasonLabel(d.reasonCategory)));
  }
  if (event.action === 'documentAdded') {
    add('document', text(d.name));
    add('sha256', text(d.sha256));
  }
  if (event.action === 'attach-photo') add('sha256', text(d.sha256));
  if (event.action === 'reply-failed') add('attempts', text(d.attempts));
  add('certificate', text(stream === 'matter' ? d.certificateNumber : d.certificate));
  if (stream !== 'application') add('applicationId', text(d.applicationId));
  if (typeof d.certificateStatus === 'string')
    add('certificateStatus', labels(certificateStatusLabel(d.certificateStatus)));
  add('kid', text(d.kid));
  add('revokedKid', text(d.revokedKid));
  return facts;
}

/** The note typed with a step, kept in its event's facts. */
export function eventNote(event: Described): string | null {
  return typeof event.data?.note === 'string' ? event.data.note : null;
}

/** Everyone an audit trail names: who acted, and who a step assigned or relieved. For the directory to name. */
export function peopleNamedIn(stream: EventStream, events: readonly AuditEvent[]): string[] {
  const subs = new Set<string>();
  for (const e of events) {
    if (!systemActorLabel(e.actor.sub)) subs.add(e.actor.sub);
    for (const fact of eventFacts(stream, e)) if (fact.value.kind === 'person') subs.add(fact.value.sub);
  }
  return [...subs];
}
