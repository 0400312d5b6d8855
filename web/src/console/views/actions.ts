/**
 * The lifecycle steps a signed-in person may take on a case or a certificate, read from the transition tables: each
 * step whose role the person holds and whose "from" includes the current state gets a form. The server checks again
 * (ownership, the assigned evaluator, impartiality) and its refusal is shown with its own zh/en title.
 */
import { chinaDate } from '../../../../shared/calendar';
import type { DirectoryMember } from '../../../../shared/directory';
import { changeStepRefusal } from '../../../../shared/lifecycle/changes';
import { requireImpartialDecider } from '../../../../shared/lifecycle/guards';
import { surveillanceStepRefusal } from '../../../../shared/lifecycle/surveillance';
import {
  APPLICATION_TRANSITIONS,
  CERTIFICATE_TRANSITIONS,
  type TransitionSpec,
} from '../../../../shared/lifecycle/transitions';
import { CHANGE_FIELDS, CHANGE_KINDS, CHANGE_REASON_CATEGORIES, type PendingChange } from '../../../../shared/model';
import { h, replaceChildren } from '../../common/dom';
import type { Msg } from '../../common/i18n';
import { CHANGE_FIELD_LABELS, CHANGE_KIND_LABELS, CHANGE_REASON_LABELS } from '../../common/labels';
import { apiPost, newIdempotencyKey } from '../client';
import { L } from '../messages';
import { hasRole, type SessionUser } from '../session';
import { bi, busy, field, problemBox } from '../ui';
import { type ScoreSheetForm, scoreSheetForm } from './score-sheet';

export type ActionTarget =
  | { kind: 'application'; id: string; state: string; evaluatorSub?: string; conflictedEvaluators?: string[] }
  | {
      kind: 'certificate';
      number: string;
      status: string;
      pendingSurveillance?: { evaluatorSub: string };
      pendingChange?: Pick<PendingChange, 'kind' | 'review'>;
    };

interface FieldSpec {
  name: string;
  label: Msg;
  kind: 'text' | 'textarea' | 'date' | 'evaluator' | 'sheet' | 'select';
  required?: boolean;
  /** A select's choices: the value sent and how it reads ('' sends nothing). */
  options?: readonly { value: string; label: Msg }[];
}

const choices = <K extends string>(values: readonly K[], labels: Readonly<Record<K, Msg>>) =>
  values.map((value) => ({ value, label: labels[value] }));
/** What a change request asks for, as its schema takes it. */
const changeFields: FieldSpec[] = [
  {
    name: 'kind',
    label: L.actions.changeKind,
    kind: 'select',
    required: true,
    options: choices(CHANGE_KINDS, CHANGE_KIND_LABELS),
  },
  {
    name: 'field',
    label: L.actions.changeField,
    kind: 'select',
    options: [{ value: '', label: L.actions.changeFieldDefault }, ...choices(CHANGE_FIELDS, CHANGE_FIELD_LABELS)],
  },
  { name: 'to', label: L.actions.changeTo, kind: 'textarea', required: true },
  {
    name: 'reasonCategory',
    label: L.actions.changeReasonCategory,
    kind: 'select',
    required: true,
    options: choices(CHANGE_REASON_CATEGORIES, CHANGE_REASON_LABELS),
  },
  { name: 'reason', label: L.actions.changeReason, kind: 'textarea', required: true },
];

const reason = (required: boolean): FieldSpec => ({
  name: 'reason',
  label: required ? L.actions.reason : L.actions.reasonOptional,
  kind: 'textarea',
  required,
});
const note: FieldSpec = { name: 'note', label: L.actions.note, kind: 'textarea' };
const sheet: FieldSpec = {
  name: 'scoreSheet',
  label: L.actions.scoreSheet,
  kind: 'sheet',
  required: true,
};

function fieldsFor(target: ActionTarget['kind'], name: string): FieldSpec[] {
  switch (name) {
    case 'accept':
      return [
        {
          name: 'evaluatorSub',
          label: L.actions.evaluator,
          kind: 'evaluator',
          required: true,
        },
        { name: 'contractNo', label: L.actions.contractNo, kind: 'text', required: true },
      ];
    case 'passDocumentReview':
    case 'resubmit':
      return [note];
    case 'recordOnSiteReview':
      return [{ name: 'reviewDate', label: L.actions.reviewDate, kind: 'date', required: true }, sheet, note];
    case 'recordSurveillance':
      return [
        { name: 'auditDate', label: L.actions.auditDate, kind: 'date', required: true },
        sheet,
        {
          name: 'suspendForCause',
          label: L.actions.suspendForCause,
          kind: 'textarea',
        },
      ];
    case 'approveSurveillance':
      return [note];
    case 'assignEvaluator':
      return [{ name: 'evaluatorSub', label: L.actions.evaluator, kind: 'evaluator', required: true }];
    case 'reassignEvaluator':
      return [{ name: 'evaluatorSub', label: L.actions.evaluator, kind: 'evaluator', required: true }, reason(true)];
    case 'postponeSurveillance':
      return [{ name: 'until', label: L.actions.postponeUntil, kind: 'date', required: true }, reason(true)];
    case 'approve':
      return [reason(false)];
    case 'requestChange':
    case 'proposeChange':
      return changeFields;
    case 'approveChange':
    case 'approveScopeExtension':
      return [note];
    case 'reviewScopeExtension':
      return [{ name: 'reviewDate', label: L.actions.changeReviewDate, kind: 'date', required: true }, note];
    case 'issue':
      return [];
    case 'withdraw':
      return [reason(target === 'certificate')];
    default:
      return [reason(true)];
  }
}

function control(
  spec: FieldSpec,
  evaluators: readonly DirectoryMember[],
): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  const common = { name: spec.name, 'data-path': `body.${spec.name}`, required: spec.required ?? false };
  if (spec.kind === 'textarea') return h('textarea', { ...common, rows: 2, maxlength: 1000 });
  if (spec.kind === 'date') return h('input', { ...common, type: 'date', value: chinaDate(new Date()) });
  if (spec.kind === 'select')
    return h(
      'select',
      common,
      (spec.options ?? []).map((o) => h('option', { value: o.value }, `${o.label.zh} · ${o.label.en}`)),
    );
  if (spec.kind === 'evaluator' && evaluators.length) {
    return h(
      'select',
      common,
      evaluators.map((e) => h('option', { value: e.sub }, `${e.name} · ${e.sub}`)),
    );
  }
  return h('input', { ...common, type: 'text', maxlength: 128, autocomplete: 'off' });
}

function actionForm(
  target: ActionTarget,
  name: string,
  spec: TransitionSpec<string>,
  user: SessionUser,
  evaluators: readonly DirectoryMember[],
  onDone: (body: unknown) => void,
): HTMLElement {
  const path =
    target.kind === 'application'
      ? `/v1/staff/applications/${encodeURIComponent(target.id)}/${spec.slug}`
      : `/v1/staff/certificates/${encodeURIComponent(target.number)}/${spec.slug}`;
  const controls = new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
  let sheetForm: ScoreSheetForm | undefined;
  const parts = fieldsFor(target.kind, name).map((f) => {
    if (f.kind === 'sheet') {
      sheetForm = scoreSheetForm();
      sheetForm.element.dataset.path = 'body.scoreSheet';
      return sheetForm.element;
    }
    // The picker offers evaluators the server would accept: none that declared a conflict on this case.
    const barred = target.kind === 'application' ? (target.conflictedEvaluators ?? []) : [];
    const offered = evaluators.filter((e) => e.roles.includes('evaluator') && !barred.includes(e.sub));
    const c = control(f, f.kind === 'evaluator' ? offered : []);
    controls.set(f.name, c);
    return field(f.label, c);
  });
  const message = h('div', { class: 'form-message' });
  const submit = h(
    'button',
    { type: 'submit', class: 'button button-primary', 'data-action': spec.slug },
    ...bi({ zh: spec.zh, en: spec.en }),
  );
  const ownCase =
    target.kind === 'application'
      ? (name === 'approve' || name === 'reject') && target.evaluatorSub === user.sub
      : (name === 'approveSurveillance' || name === 'refuseSurveillance') &&
        target.pendingSurveillance !== undefined &&
        !impartial(user, target.pendingSurveillance);
  const form = h(
    'form',
    { class: 'action-form', novalidate: true, 'aria-label': `${spec.zh} ${spec.en}` },
    ownCase ? h('p', { class: 'warning' }, ...bi(L.actions.ownCase)) : null,
    parts,
    message,
    h('div', { class: 'form-buttons' }, submit),
  );
  // One key per intended change: a retry after a network failure reuses it, so the change happens at most once.
  let key = newIdempotencyKey();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body: Record<string, unknown> = {};
    for (const [field, c] of controls) if (c.value.trim()) body[field] = c.value.trim();
    if (sheetForm) body.scoreSheet = sheetForm.sheet();
    void busy(submit, form, () => apiPost(path, body, key)).then((outcome) => {
      if (outcome.kind === 'ok') {
        key = newIdempotencyKey();
        return onDone(outcome.body);
      }
      if (outcome.kind === 'problem') key = newIdempotencyKey();
      replaceChildren(message, problemBox(outcome, form));
    });
  });
  return form;
}

/** The shared impartiality guard, asked rather than restated: may this person decide what that evaluator audited? */
function impartial(user: SessionUser, audited: { evaluatorSub: string }): boolean {
  try {
    requireImpartialDecider({ sub: user.sub, roles: [] }, audited);
    return true;
  } catch {
    return false;
  }
}

/** The forms of every step the person may take now, each behind its own disclosure. */
export function actionsPanel(
  target: ActionTarget,
  user: SessionUser,
  evaluators: readonly DirectoryMember[],
  onDone: (body: unknown) => void,
): HTMLElement | null {
  const table: Record<string, TransitionSpec<string>> = target.kind === 'application'
    ? APPLICATION_TRANSITIONS
    : CERTIFICATE_TRANSITIONS;
  const state = target.kind === 'application' ? target.state : target.status;
  const allowed = Object.entries(table).filter(
    ([name, spec]) =>
      spec.role !== 'system' &&
      hasRole(user, spec.role) &&
      spec.from.includes(state) &&
      (target.kind === 'application' ||
        (surveillanceStepRefusal(name, target) === null && changeStepRefusal(name, target) === null)),
  );
  if (!allowed.length) return null;
  return h(
    'section',
    { class: 'card actions', 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title' }, ...bi(L.actions.title)),
    allowed.map(([name, spec]) => {
      const details = h(
        'details',
        { class: 'action', 'data-transition': name },
        h('summary', null, ...bi({ zh: spec.zh, en: spec.en })),
      );
      let built = false;
      details.addEventListener('toggle', () => {
        if (!details.open || built) return;
        built = true;
        details.append(actionForm(target, name, spec, user, evaluators, onDone));
      });
      return details;
    }),
  );
}
