/**
 * The lifecycle steps a signed-in person may take on a case or a certificate, read from the transition tables: each
 * step whose role the person holds and whose "from" includes the current state gets a form. The server checks again
 * (ownership, the assigned evaluator, impartiality) and its refusal is shown with its own zh/en title.
 */
import { chinaDate } from '../../../../shared/calendar';
import {
  APPLICATION_TRANSITIONS,
  CERTIFICATE_TRANSITIONS,
  type TransitionSpec,
} from '../../../../shared/lifecycle/transitions';
import { h, replaceChildren } from '../../common/dom';
import type { Msg } from '../../common/i18n';
import type { SignInOption } from '../auth';
import { apiPost, newIdempotencyKey } from '../client';
import { hasRole, type SessionUser } from '../session';
import { bi, busy, field, problemBox } from '../ui';
import { type ScoreSheetForm, scoreSheetForm } from './score-sheet';

export type ActionTarget =
  | { kind: 'application'; id: string; state: string; evaluatorSub?: string }
  | { kind: 'certificate'; number: string; status: string };

interface FieldSpec {
  name: string;
  label: Msg;
  kind: 'text' | 'textarea' | 'date' | 'evaluator' | 'sheet';
  required?: boolean;
}

const reason = (required: boolean): FieldSpec => ({
  name: 'reason',
  label: { zh: required ? '理由' : '理由（可选）', en: required ? 'Reason' : 'Reason (optional)' },
  kind: 'textarea',
  required,
});
const note: FieldSpec = { name: 'note', label: { zh: '备注（可选）', en: 'Note (optional)' }, kind: 'textarea' };
const sheet: FieldSpec = {
  name: 'scoreSheet',
  label: { zh: '评分表', en: 'Score sheet' },
  kind: 'sheet',
  required: true,
};

function fieldsFor(target: ActionTarget['kind'], name: string): FieldSpec[] {
  switch (name) {
    case 'accept':
      return [
        {
          name: 'evaluatorSub',
          label: { zh: '指派评审员', en: 'Assigned evaluator' },
          kind: 'evaluator',
          required: true,
        },
        { name: 'contractNo', label: { zh: '合同编号', en: 'Contract number' }, kind: 'text', required: true },
      ];
    case 'passDocumentReview':
    case 'resubmit':
      return [note];
    case 'recordOnSiteReview':
      return [
        { name: 'reviewDate', label: { zh: '现场审核日期', en: 'On-site review date' }, kind: 'date', required: true },
        sheet,
        note,
      ];
    case 'recordSurveillance':
      return [
        { name: 'auditDate', label: { zh: '监督审核日期', en: 'Audit date' }, kind: 'date', required: true },
        sheet,
        {
          name: 'suspendForCause',
          label: { zh: '现场发现问题须暂停（可选）', en: 'Suspend for cause found on site (optional)' },
          kind: 'textarea',
        },
      ];
    case 'postponeSurveillance':
      return [
        { name: 'until', label: { zh: '推迟至', en: 'Postpone until' }, kind: 'date', required: true },
        reason(true),
      ];
    case 'approve':
      return [reason(false)];
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
  evaluators: readonly SignInOption[],
): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  const common = { name: spec.name, required: spec.required ?? false };
  if (spec.kind === 'textarea') return h('textarea', { ...common, rows: 2, maxlength: 1000 });
  if (spec.kind === 'date') return h('input', { ...common, type: 'date', value: chinaDate(new Date()) });
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
  evaluators: readonly SignInOption[],
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
      return sheetForm.element;
    }
    const c = control(f, f.kind === 'evaluator' ? evaluators.filter((e) => e.roles.includes('evaluator')) : []);
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
    target.kind === 'application' && (name === 'approve' || name === 'reject') && target.evaluatorSub === user.sub;
  const form = h(
    'form',
    { class: 'action-form', novalidate: true, 'aria-label': `${spec.zh} ${spec.en}` },
    ownCase
      ? h(
          'p',
          { class: 'warning' },
          ...bi({
            zh: '您是本案的评审员：认证决定须由其他委员作出。',
            en: 'You evaluated this case: another committee member must decide it.',
          }),
        )
      : null,
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
      replaceChildren(message, problemBox(outcome));
    });
  });
  return form;
}

/** The forms of every step the person may take now, each behind its own disclosure. */
export function actionsPanel(
  target: ActionTarget,
  user: SessionUser,
  evaluators: readonly SignInOption[],
  onDone: (body: unknown) => void,
): HTMLElement | null {
  const table: Record<string, TransitionSpec<string>> = target.kind === 'application'
    ? APPLICATION_TRANSITIONS
    : CERTIFICATE_TRANSITIONS;
  const state = target.kind === 'application' ? target.state : target.status;
  const allowed = Object.entries(table).filter(
    ([, spec]) => spec.role !== 'system' && hasRole(user, spec.role) && spec.from.includes(state),
  );
  if (!allowed.length) return null;
  return h(
    'section',
    { class: 'card actions', 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title' }, ...bi({ zh: '可执行的操作', en: 'Actions' })),
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
