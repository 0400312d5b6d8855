/**
 * The lifecycle steps a signed-in person may take on a case or a certificate, read from the transition tables and
 * asked of the same refusal the server applies first (shared/lifecycle/step-refusal): a step that is not the
 * person's to take (role, ownership, assignment, state) is left out; one that is theirs but not possible now
 * (impartiality, a passing surveillance before reinstatement, the postponement window) is shown disabled with its
 * reason. What only the input decides (a date, the evaluator named) the server refuses on its field.
 */
import { addDays, chinaDate } from '../../../../shared/calendar';
import type { DirectoryMember } from '../../../../shared/directory';
import { ERROR_CATALOGUE, type ErrorCode } from '../../../../shared/errors';
import { postponementWindow } from '../../../../shared/lifecycle/date-rules';
import { committeeCandidateRefusal, evaluatorCandidateRefusal } from '../../../../shared/lifecycle/guards';
import { applicationStepRefusal, certificateStepRefusal, NOT_YOURS } from '../../../../shared/lifecycle/step-refusal';
import {
  APPLICATION_TRANSITIONS,
  type ApplicationTransition,
  CERTIFICATE_TRANSITIONS,
  type CertificateTransition,
  type TransitionSpec,
} from '../../../../shared/lifecycle/transitions';
import {
  type Application,
  type Certificate,
  CHANGE_FIELDS,
  CHANGE_KINDS,
  CHANGE_REASON_CATEGORIES,
} from '../../../../shared/model';
import { levelLabel, PASS_MIN, STAR_LEVELS, starLevelFor, TOTAL_CAP } from '../../../../shared/scheme';
import type { ApiOutcome } from '../../common/api';
import { h, replaceChildren } from '../../common/dom';
import type { Msg } from '../../common/i18n';
import { CHANGE_FIELD_LABELS, CHANGE_KIND_LABELS, CHANGE_REASON_LABELS } from '../../common/labels';
import type { BodyOf } from '../../common/typed-api';
import { apiPost, newIdempotencyKey } from '../client';
import type { Assignable } from '../context';
import { fill, L } from '../messages';
import type { SessionUser } from '../session';
import { bi, biHint, busy, field, problemBox } from '../ui';
import { type ScoreSheetForm, scoreSheetForm } from './score-sheet';

export type ActionTarget = { kind: 'application'; record: Application } | { kind: 'certificate'; record: Certificate };

interface FieldSpec {
  name: string;
  label: Msg;
  kind: 'text' | 'textarea' | 'date' | 'evaluator' | 'committee' | 'sheet' | 'select' | 'score';
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

/** The level an appeal decides and the score it stands on: the scheme's levels, and a total the schema takes. */
const appealLevelFields: FieldSpec[] = [
  { name: 'score', label: L.actions.appealScore, kind: 'score', required: true },
  {
    name: 'level',
    label: L.actions.appealLevel,
    kind: 'select',
    required: true,
    options: STAR_LEVELS.map((l) => ({
      value: l.level,
      label: { zh: levelLabel(l.level, 'zh'), en: levelLabel(l.level, 'en') },
    })),
  },
  reason(true),
];

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
    case 'assignCommittee':
      return [{ name: 'committeeSub', label: L.actions.committee, kind: 'committee', required: true }, reason(false)];
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
    case 'setLevelOnAppeal':
      return appealLevelFields;
    case 'issue':
      return [];
    case 'withdraw':
      return [reason(target === 'certificate')];
    default:
      return [reason(true)];
  }
}

/** A postponement proposes the latest day it may reach, between the day after the deadline and that day. */
function postponeControl(c: Certificate, common: Record<string, unknown>): HTMLInputElement {
  const window = postponementWindow(c);
  return h('input', {
    ...common,
    type: 'date',
    value: window?.latest,
    min: window ? addDays(window.due, 1) : undefined,
    max: window?.latest,
  });
}

function control(
  spec: FieldSpec,
  target: ActionTarget,
  people: readonly DirectoryMember[],
): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  const common = { name: spec.name, 'data-path': `body.${spec.name}`, required: spec.required ?? false };
  if (spec.kind === 'textarea') return h('textarea', { ...common, rows: 2, maxlength: 1000 });
  if (spec.kind === 'score')
    return h('input', { ...common, type: 'number', step: '0.1', min: PASS_MIN, max: TOTAL_CAP, inputmode: 'decimal' });
  if (spec.kind === 'date' && spec.name === 'until' && target.kind === 'certificate')
    return postponeControl(target.record, common);
  // Audits and reviews are recorded on or before today: today is a date the rules accept.
  if (spec.kind === 'date') return h('input', { ...common, type: 'date', value: chinaDate(new Date()) });
  if (spec.kind === 'select')
    return h(
      'select',
      common,
      (spec.options ?? []).map((o) => h('option', { value: o.value }, `${o.label.zh} · ${o.label.en}`)),
    );
  if ((spec.kind === 'evaluator' || spec.kind === 'committee') && people.length) {
    return h(
      'select',
      common,
      people.map((e) => h('option', { value: e.sub }, `${e.name} · ${e.sub}`)),
    );
  }
  return h('input', { ...common, type: 'text', maxlength: 128, autocomplete: 'off' });
}

/** What a field says beside it: the postponement's deadline and its latest day. */
function hintFor(spec: FieldSpec, target: ActionTarget): string | undefined {
  if (spec.kind === 'score') return biHint(fill(L.actions.appealScoreHint, { min: PASS_MIN, max: TOTAL_CAP }));
  if (spec.name !== 'until' || target.kind !== 'certificate') return undefined;
  const window = postponementWindow(target.record);
  return window ? biHint(fill(L.actions.postponeWindow, window)) : undefined;
}

/**
 * A step's endpoint, one per transition of the tables: a slug the document has no path for fails the compile. The
 * body is built from the step's own input fields (fieldsFor), which the server parses with that step's schema.
 */
type ApplicationStepPath =
  `/v1/staff/applications/{id}/${(typeof APPLICATION_TRANSITIONS)[ApplicationTransition]['slug']}`;
type CertificateStepPath =
  `/v1/staff/certificates/{number}/${(typeof CERTIFICATE_TRANSITIONS)[CertificateTransition]['slug']}`;

function sendStep(
  target: ActionTarget,
  slug: string,
  body: Record<string, unknown>,
  key: string,
): Promise<ApiOutcome<unknown>> {
  if (target.kind === 'application') {
    const path = `/v1/staff/applications/{id}/${slug}` as ApplicationStepPath;
    return apiPost(path, body as BodyOf<ApplicationStepPath>, key, { params: { id: target.record.id } });
  }
  const path = `/v1/staff/certificates/{number}/${slug}` as CertificateStepPath;
  return apiPost(path, body as BodyOf<CertificateStepPath>, key, { params: { number: target.record.number } });
}

function actionForm(
  target: ActionTarget,
  name: string,
  spec: TransitionSpec<string>,
  assignable: Assignable,
  onDone: (body: unknown) => void,
): HTMLElement {
  const controls = new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
  let sheetForm: ScoreSheetForm | undefined;
  const parts = fieldsFor(target.kind, name).map((f) => {
    if (f.kind === 'sheet') {
      sheetForm = scoreSheetForm();
      sheetForm.element.dataset.path = 'body.scoreSheet';
      return sheetForm.element;
    }
    const offered =
      f.kind === 'evaluator'
        ? // The evaluators the server would accept: the lifecycle's own candidate rule, asked of each.
          assignable.evaluator.filter(
            (e) =>
              e.roles.includes('evaluator') &&
              evaluatorCandidateRefusal(e.sub, target.record, name === 'reassignEvaluator') === null,
          )
        : f.kind === 'committee' && target.kind === 'application'
          ? // The members the server would accept: the lifecycle's own candidate rule, asked of each.
            assignable.committee.filter((m) => committeeCandidateRefusal(m.sub, target.record) === null)
          : [];
    const c = control(f, target, offered);
    controls.set(f.name, c);
    return field(f.label, c, hintFor(f, target));
  });
  followScore(controls);
  const message = h('div', { class: 'form-message' });
  const submit = h(
    'button',
    { type: 'submit', class: 'button button-primary', 'data-action': spec.slug },
    ...bi({ zh: spec.zh, en: spec.en }),
  );
  const form = h(
    'form',
    { class: 'action-form', novalidate: true, 'aria-label': `${spec.zh} ${spec.en}` },
    parts,
    message,
    h('div', { class: 'form-buttons' }, submit),
  );
  // One key per intended change: a retry after a network failure reuses it, so the change happens at most once.
  let key = newIdempotencyKey();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body: Record<string, unknown> = {};
    for (const [field, c] of controls)
      if (c.value.trim()) body[field] = c.type === 'number' ? Number(c.value) : c.value.trim();
    if (sheetForm) body.scoreSheet = sheetForm.sheet();
    void busy(submit, form, () => sendStep(target, spec.slug, body, key)).then((outcome) => {
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

/** The level follows the score typed, by the scheme's own rule: the one level the server takes for it. */
function followScore(controls: Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>): void {
  const score = controls.get('score');
  const level = controls.get('level');
  if (!score || !level) return;
  score.addEventListener('input', () => {
    const found = score.value.trim() ? starLevelFor(Number(score.value)) : null;
    if (found) level.value = found;
  });
}

/** The lifecycle's own answer for this person, now: null when the step may be taken. */
export function stepRefusalFor(target: ActionTarget, name: string, user: SessionUser, today: string): ErrorCode | null {
  return target.kind === 'application'
    ? applicationStepRefusal(target.record, name as ApplicationTransition, user)
    : certificateStepRefusal(target.record, name as CertificateTransition, user, today);
}

/** A step that is the person's but not possible now: its name, and why, in both languages. */
function refusedStep(name: string, spec: TransitionSpec<string>, refusal: ErrorCode): HTMLElement {
  const reason = ERROR_CATALOGUE[refusal];
  return h(
    'div',
    { class: 'action action-refused', 'data-transition': name, 'data-refusal': refusal, 'aria-disabled': 'true' },
    h('p', { class: 'action-name' }, ...bi({ zh: spec.zh, en: spec.en })),
    h('p', { class: 'hint' }, ...bi({ zh: reason.zh, en: reason.en })),
  );
}

/**
 * What comes next, proposed open with its notice: a suspended certificate whose surveillance has passed since is
 * reinstated; one whose suspension or withdrawal an appeal reversed (the only time the step is offered) is restored;
 * a case whose rejection an appeal reversed is reopened for a new decision, and sent back for a new review when
 * reopened below the pass mark; a certificate whose level decision an appeal reversed has the level it decides set.
 */
function proposal(target: ActionTarget, name: string): HTMLElement | null {
  if (target.kind === 'certificate' && name === 'reinstate' && target.record.status === 'suspended')
    return h('p', { class: 'notice' }, ...bi(L.actions.reinstateNow));
  const levelMark = target.kind === 'certificate' ? target.record.levelAppealReversal : undefined;
  if (name === 'setLevelOnAppeal' && levelMark) return reversedNotice(L.actions.setLevelNow, levelMark.matterId);
  const reopening = target.kind === 'application' ? target.record.reopenedOnAppeal : undefined;
  if (name === 'returnForReassessment' && reopening) return reversedNotice(L.actions.reassessNow, reopening.matterId);
  const reversal = target.record.appealReversal;
  const step = target.kind === 'certificate' ? 'restoreOnAppeal' : 'reopenOnAppeal';
  if (name !== step || !reversal) return null;
  return reversedNotice(target.kind === 'certificate' ? L.appeal.restoreNow : L.appeal.reopenNow, reversal.matterId);
}

/** What the appeal decided, with a link to it (a case reopened before the matter was kept has none). */
function reversedNotice(notice: Msg, matterId: string | undefined): HTMLElement {
  const matter = matterId
    ? [' ', h('a', { href: `#/matter/${encodeURIComponent(matterId)}` }, ...bi(L.appeal.matter))]
    : [];
  return h('p', { class: 'notice', 'data-reversed-by': matterId ?? null }, ...bi(notice), ...matter);
}

/** The forms of every step the person may take now, each behind its own disclosure; the refused ones, disabled. */
export function actionsPanel(
  target: ActionTarget,
  user: SessionUser,
  assignable: Assignable,
  onDone: (body: unknown) => void,
): HTMLElement | null {
  const table: Record<string, TransitionSpec<string>> = target.kind === 'application'
    ? APPLICATION_TRANSITIONS
    : CERTIFICATE_TRANSITIONS;
  const today = chinaDate(new Date());
  const steps = Object.entries(table)
    .filter(([, spec]) => spec.role !== 'system')
    .map(([name, spec]) => ({ name, spec, refusal: stepRefusalFor(target, name, user, today) }))
    .filter((s) => s.refusal === null || !NOT_YOURS.includes(s.refusal));
  if (!steps.length) return null;
  return h(
    'section',
    { class: 'card actions', 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title' }, ...bi(L.actions.title)),
    steps.map(({ name, spec, refusal }) => {
      if (refusal) return refusedStep(name, spec, refusal);
      const proposed = proposal(target, name);
      const details = h(
        'details',
        { class: 'action', 'data-transition': name, 'data-proposed': proposed ? '' : null },
        h('summary', null, ...bi({ zh: spec.zh, en: spec.en })),
        proposed,
      );
      let built = false;
      const build = () => {
        if (!details.open || built) return;
        built = true;
        details.append(actionForm(target, name, spec, assignable, onDone));
      };
      details.addEventListener('toggle', build);
      if (proposed) {
        details.open = true;
        build();
      }
      return details;
    }),
  );
}
