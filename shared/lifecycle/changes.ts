/**
 * Certificate changes (变更): the holder renamed, moved, its scope extended or reduced, or a clerical error in the
 * record corrected. A change is proposed — by the holder, or by staff — with its kind, the new value, a public reason
 * category and the documented reason; it waits as the certificate's pending change, and nothing public moves until it
 * is decided. A scope extension certifies more than was audited, so it is reviewed by the certificate's evaluator and
 * decided by a committee member who neither reviewed nor proposed it; every other change is approved by an
 * administrator who did not propose it. An approved change writes the public change history: what, old → new, the
 * day (Beijing time) and the reason category.
 *
 * A change is open on a valid or a suspended certificate: a suspended holder that is renamed or moves must still be
 * recorded truly, and reducing the scope is often how a suspension is resolved. Extending the scope of a suspended
 * certificate is refused: more cannot be certified while what is certified is in doubt.
 */
import { DomainError, type ErrorCode } from '../errors';
import { fieldIssuesOf } from '../field-issues';
import type {
  Actor,
  Certificate,
  ChangeField,
  ChangeKind,
  ChangeReasonCategory,
  ChangeRecord,
  PendingChange,
} from '../model';
import { organizationSchema, submitApplicationSchema } from '../schemas/application';
import type { ZodMiniType } from '../zod';
import type { Decided } from './events';
import { requireAssignedEvaluator, requireImpartialDecider } from './guards';
import { withNote } from './notes';
import type { CertificateInput } from './transitions';

interface ChangeRule {
  /** The fields this kind may change; the first is the one it changes when the request names none. */
  fields: readonly [ChangeField, ...ChangeField[]];
  reasons: readonly ChangeReasonCategory[];
  /** Who decides: an administrator on a documented reason, or the committee after a review. */
  decidedBy: 'admin' | 'committee';
  whileSuspended: boolean;
}

export const CHANGE_RULES: Record<ChangeKind, ChangeRule> = {
  rename: { fields: ['name', 'nameEn'], reasons: ['business_registration'], decidedBy: 'admin', whileSuspended: true },
  address: {
    fields: ['address'],
    reasons: ['relocation', 'business_registration'],
    decidedBy: 'admin',
    whileSuspended: true,
  },
  'scope-extension': {
    fields: ['scope'],
    reasons: ['business_extended'],
    decidedBy: 'committee',
    whileSuspended: false,
  },
  'scope-reduction': {
    fields: ['scope'],
    reasons: ['business_reduced', 'surveillance_finding'],
    decidedBy: 'admin',
    whileSuspended: true,
  },
  erratum: {
    fields: ['name', 'nameEn', 'address', 'scope'],
    reasons: ['clerical_error'],
    decidedBy: 'admin',
    whileSuspended: true,
  },
};

/** Each field's new value is held to the bounds it has when an application first records it. */
const FIELD_VALUE: Record<ChangeField, ZodMiniType> = {
  name: organizationSchema.shape.name,
  nameEn: organizationSchema.shape.nameEn.def.innerType,
  address: organizationSchema.shape.address.def.innerType,
  scope: submitApplicationSchema.shape.scope,
};

export function fieldValue(c: Pick<Certificate, 'organization' | 'scope'>, field: ChangeField): string | null {
  return (field === 'scope' ? c.scope : c.organization[field]) ?? null;
}

function withFieldValue(c: Certificate, field: ChangeField, value: string): Certificate {
  return field === 'scope' ? { ...c, scope: value } : { ...c, organization: { ...c.organization, [field]: value } };
}

type ChangeStep =
  | 'requestChange'
  | 'proposeChange'
  | 'approveChange'
  | 'refuseChange'
  | 'reviewScopeExtension'
  | 'approveScopeExtension'
  | 'refuseScopeExtension';
const PROPOSING: readonly string[] = ['requestChange', 'proposeChange'];
const BY_ADMIN: readonly string[] = ['approveChange', 'refuseChange'];
const BY_COMMITTEE: readonly string[] = ['approveScopeExtension', 'refuseScopeExtension'];

/**
 * Why a change step cannot be taken now, whoever asks: a second proposal while one waits, a decision with none
 * waiting, a decision by the wrong body for the kind, a committee decision before the review. The core refuses with
 * it; the console offers a step only when it is null.
 */
export function changeStepRefusal(
  name: string,
  certificate: { pendingChange?: Pick<PendingChange, 'kind' | 'review'> },
): ErrorCode | null {
  const pending = certificate.pendingChange;
  if (PROPOSING.includes(name)) return pending ? 'CHANGE_PENDING' : null;
  const deciding = [...BY_ADMIN, 'reviewScopeExtension', ...BY_COMMITTEE];
  if (!deciding.includes(name)) return null;
  if (!pending) return 'NO_PENDING_CHANGE';
  const committee = CHANGE_RULES[pending.kind].decidedBy === 'committee';
  if (BY_ADMIN.includes(name)) return committee ? 'CHANGE_NEEDS_COMMITTEE' : null;
  if (!committee) return 'CHANGE_NOT_SCOPE_EXTENSION';
  if (name === 'reviewScopeExtension') return pending.review ? 'CHANGE_ALREADY_REVIEWED' : null;
  return pending.review ? null : 'CHANGE_NOT_REVIEWED';
}

function requireStep(name: ChangeStep, current: Certificate): PendingChange | undefined {
  const refusal = changeStepRefusal(name, current);
  if (refusal) throw new DomainError(refusal);
  return current.pendingChange;
}

const refusedField = (code: ErrorCode, path: string, message: string) =>
  new DomainError(code, message, [{ path, message, code }]);

/** A change proposed, by the holder (requestChange) or by staff (proposeChange): checked, then held as pending. */
export function proposeChange(
  current: Certificate,
  name: 'requestChange' | 'proposeChange',
  input: CertificateInput<'requestChange'>,
  actor: Actor,
  today: string,
): Decided<Certificate> {
  requireStep(name, current);
  const rule = CHANGE_RULES[input.kind];
  const field = input.field ?? rule.fields[0];
  if (!rule.fields.includes(field))
    throw refusedField('CHANGE_FIELD_NOT_ALLOWED', 'body.field', `a ${input.kind} cannot change ${field}`);
  if (!rule.reasons.includes(input.reasonCategory))
    throw refusedField('CHANGE_REASON_NOT_ALLOWED', 'body.reasonCategory', `not a reason for a ${input.kind}`);
  if (current.status === 'suspended' && !rule.whileSuspended) throw new DomainError('CHANGE_WHILE_SUSPENDED');
  const parsed = FIELD_VALUE[field].safeParse(input.to);
  if (!parsed.success) {
    // The value is checked as the field's own schema would; its problems stand on `to`, the field that carries it.
    const issues = fieldIssuesOf(parsed.error.issues, 'body.to', input.to).map((i) => ({ ...i, path: 'body.to' }));
    throw new DomainError('VALIDATION_FAILED', `not a valid ${field}`, issues.slice(0, 1));
  }
  const to = parsed.data as string;
  const from = fieldValue(current, field);
  if (to === from) throw refusedField('CHANGE_NOTHING_CHANGES', 'body.to', `${field} is already this`);
  const pending: PendingChange = {
    kind: input.kind,
    field,
    from,
    to,
    reasonCategory: input.reasonCategory,
    reason: input.reason,
    proposedBy: actor.sub,
    proposedOn: today,
  };
  return {
    next: { ...current, pendingChange: pending },
    event: {
      action: name === 'requestChange' ? 'request-change' : 'propose-change',
      from: current.status,
      to: current.status,
      reason: input.reason,
      data: changeData(pending),
    },
  };
}

const changeData = (p: PendingChange) => ({
  kind: p.kind,
  field: p.field,
  from: p.from,
  to: p.to,
  reasonCategory: p.reasonCategory,
});

/** Four eyes: whoever proposed a change does not approve it. */
function requireNotProposer(actor: Actor, pending: PendingChange): void {
  if (pending.proposedBy === actor.sub) throw new DomainError('CHANGE_APPROVER_IS_PROPOSER');
}

/** The approved change takes effect: the new value, and its line in the public change history, dated today. */
function applyChange(current: Certificate, pending: PendingChange, today: string): Certificate {
  const record: ChangeRecord = { date: today, ...changeData(pending) };
  return {
    ...withFieldValue(current, pending.field, pending.to),
    changes: [...(current.changes ?? []), record],
    pendingChange: undefined,
  };
}

/** An administrator approves a change other than a scope extension, on its documented reason. */
export function approveChange(
  current: Certificate,
  name: 'approveChange' | 'approveScopeExtension',
  input: CertificateInput<'approveChange'>,
  actor: Actor,
  today: string,
): Decided<Certificate> {
  const pending = requireStep(name, current)!;
  requireNotProposer(actor, pending);
  // The committee member decides what someone else reviewed (the impartiality rule of every committee decision).
  if (pending.review) requireImpartialDecider(actor, { evaluatorSub: pending.review.by });
  return {
    next: applyChange(current, pending, today),
    event: {
      action: name === 'approveChange' ? 'approve-change' : 'approve-scope-extension',
      from: current.status,
      to: current.status,
      data: withNote(changeData(pending), input.note),
    },
  };
}

/** A change refused (by an administrator, or the committee for a scope extension): the record stays as it was. */
export function refuseChange(
  current: Certificate,
  name: 'refuseChange' | 'refuseScopeExtension',
  input: CertificateInput<'refuseChange'>,
  actor: Actor,
): Decided<Certificate> {
  const pending = requireStep(name, current)!;
  if (pending.review) requireImpartialDecider(actor, { evaluatorSub: pending.review.by });
  return {
    next: { ...current, pendingChange: undefined },
    event: {
      action: name === 'refuseChange' ? 'refuse-change' : 'refuse-scope-extension',
      from: current.status,
      to: current.status,
      reason: input.reason,
      data: changeData(pending),
    },
  };
}

/** The certificate's evaluator reviews a scope extension, on or after its proposal and never after today. */
export function reviewScopeExtension(
  current: Certificate,
  input: CertificateInput<'reviewScopeExtension'>,
  actor: Actor,
  today: string,
): Decided<Certificate> {
  requireAssignedEvaluator(actor, current);
  const pending = requireStep('reviewScopeExtension', current)!;
  if (input.reviewDate > today)
    throw refusedField('DATE_AFTER_TODAY', 'body.reviewDate', 'the review is dated after today');
  if (input.reviewDate < pending.proposedOn)
    throw refusedField('CHANGE_REVIEW_BEFORE_REQUEST', 'body.reviewDate', 'the review is dated before the proposal');
  const review = { by: actor.sub, date: input.reviewDate, ...(input.note ? { note: input.note } : {}) };
  return {
    next: { ...current, pendingChange: { ...pending, review } },
    event: {
      action: 'review-scope-extension',
      from: current.status,
      to: current.status,
      data: withNote({ ...changeData(pending), reviewDate: input.reviewDate }, input.note),
    },
  };
}

/**
 * The names the holder was known by before a rename, newest first, each once, never the current one. An erratum is
 * not a former name: the record was wrong, the organization was never called that.
 */
export function formerNamesOf(c: Pick<Certificate, 'organization' | 'changes'>): string[] {
  const renames = (c.changes ?? []).filter((r) => r.kind === 'rename' && r.field === 'name' && r.from !== null);
  const names = renames.map((r) => r.from as string).reverse();
  return [...new Set(names)].filter((n) => n !== c.organization.name);
}

/** The fields whose values the public record shows; the address stays inside, like the rest of the holder's file. */
export const PUBLIC_CHANGE_FIELDS: readonly ChangeField[] = ['name', 'nameEn', 'scope'];

/** A line of the public change history: what, when, why, and old → new where the field itself is public. */
export type PublicChange = Omit<ChangeRecord, 'from' | 'to'> & Partial<Pick<ChangeRecord, 'from' | 'to'>>;

export function publicChangesOf(c: Pick<Certificate, 'changes'>): PublicChange[] {
  return (c.changes ?? []).map(({ from, to, ...rest }) =>
    PUBLIC_CHANGE_FIELDS.includes(rest.field) ? { ...rest, from, to } : rest,
  );
}

/** The latest change as the transparency log records it: what, when and why (the values are facts of their own). */
export function lastChangeOf(changes: readonly Omit<PublicChange, 'from' | 'to'>[] | undefined) {
  const last = changes?.[changes.length - 1];
  return last
    ? { date: last.date, kind: last.kind, field: last.field, reasonCategory: last.reasonCategory }
    : undefined;
}
