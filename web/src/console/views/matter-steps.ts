/**
 * The handling steps a signed-in person may take on a matter, read from the step table and asked of the refusal
 * the server applies first (shared/complaints/step-refusal): a step that is not theirs (role, state, another's
 * assignment) is left out; one they may not take because they took part in the matter is shown disabled with the
 * reason. Only people the same rule accepts are offered as handler.
 */
import {
  handlerRefusal,
  MATTER_NOT_YOURS,
  MATTER_OUTCOME_LABELS,
  MATTER_OUTCOMES_FOR,
  MATTER_STEPS,
  type MatterStep,
  matterStepRefusal,
  roleForStep,
  type ShownMatter,
} from '../../../../shared/complaints';
import { ERROR_CATALOGUE } from '../../../../shared/errors';
import { h, replaceChildren } from '../../common/dom';
import type { Msg } from '../../common/i18n';
import type { BodyOf } from '../../common/typed-api';
import { apiPost, newIdempotencyKey } from '../client';
import type { Assignable } from '../context';
import { L } from '../messages';
import type { SessionUser } from '../session';
import { bi, biHint, busy, field, problemBox } from '../ui';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const textarea = (name: string) =>
  h('textarea', { name, 'data-path': `body.${name}`, rows: 3, maxlength: 2000, required: true });

/** The people who may handle the matter: the directory's holders of the deciding role, none involved in it. */
export function handlersFor(matter: ShownMatter, assignable: Assignable) {
  const role = roleForStep('decide', matter.kind);
  const pool = role === 'committee' ? assignable.committee : assignable.evaluator;
  return pool.filter((p) => p.roles.includes(role) && handlerRefusal(p.sub, matter) === null);
}

function fieldsOf(step: MatterStep, matter: ShownMatter, assignable: Assignable): [string, Msg, Control, string?][] {
  switch (step) {
    case 'acknowledge':
      return [];
    case 'assign': {
      const people = handlersFor(matter, assignable);
      const control: Control = people.length
        ? h(
            'select',
            { name: 'handlerSub', 'data-path': 'body.handlerSub' },
            people.map((p) => h('option', { value: p.sub }, `${p.name} · ${p.sub}`)),
          )
        : h('input', { name: 'handlerSub', 'data-path': 'body.handlerSub', type: 'text', maxlength: 128 });
      return [['handlerSub', L.matters.handlerField, control]];
    }
    case 'addNote':
      return [['note', L.matters.noteField, textarea('note')]];
    case 'decide':
      return [
        [
          'outcome',
          L.matters.outcomeField,
          h(
            'select',
            { name: 'outcome', 'data-path': 'body.outcome' },
            MATTER_OUTCOMES_FOR[matter.kind].map((o) =>
              h('option', { value: o }, `${MATTER_OUTCOME_LABELS[o].zh} · ${MATTER_OUTCOME_LABELS[o].en}`),
            ),
          ),
        ],
      ];
    case 'reply':
      return [['reply', L.matters.replyField, textarea('reply'), biHint(L.matters.replyHint)]];
    case 'dismiss':
      return [['reason', L.matters.reasonField, textarea('reason')]];
  }
}

function stepForm(matter: ShownMatter, step: MatterStep, assignable: Assignable, onDone: () => void): HTMLElement {
  const spec = MATTER_STEPS[step];
  const fields = fieldsOf(step, matter, assignable);
  const message = h('div', { class: 'form-message' });
  const submit = h(
    'button',
    { type: 'submit', class: 'button button-primary', 'data-step': spec.slug },
    ...bi({ zh: spec.zh, en: spec.en }),
  );
  const form = h(
    'form',
    { class: 'action-form', novalidate: true, 'aria-label': `${spec.zh} ${spec.en}` },
    fields.map(([, label, control, hint]) => field(label, control, hint)),
    message,
    h('div', { class: 'form-buttons' }, submit),
  );
  let key = newIdempotencyKey();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body: Record<string, unknown> = { step: spec.slug };
    for (const [name, , control] of fields) if (control.value.trim()) body[name] = control.value.trim();
    // The body is the step's own fields (the server parses it with that step's schema, one of the document's).
    const step = body as BodyOf<'/v1/staff/matters/{matterId}/steps'>;
    const send = () => apiPost('/v1/staff/matters/{matterId}/steps', step, key, { params: { matterId: matter.id } });
    void busy(submit, form, send).then((outcome) => {
      if (outcome.kind === 'ok') return onDone();
      if (outcome.kind === 'problem') key = newIdempotencyKey();
      replaceChildren(message, problemBox(outcome, form));
    });
  });
  return form;
}

export function matterStepsPanel(
  matter: ShownMatter,
  user: SessionUser,
  assignable: Assignable,
  onDone: () => void,
): HTMLElement | null {
  const steps = (Object.keys(MATTER_STEPS) as MatterStep[])
    .map((step) => ({ step, refusal: matterStepRefusal(matter, step, user) }))
    .filter((s) => s.refusal === null || !MATTER_NOT_YOURS.includes(s.refusal));
  if (!steps.length) return null;
  return h(
    'section',
    { class: 'card actions', 'aria-labelledby': 'steps-title' },
    h('h2', { id: 'steps-title' }, ...bi(L.matters.steps)),
    steps.map(({ step, refusal }) => {
      const spec = MATTER_STEPS[step];
      if (refusal) {
        const reason = ERROR_CATALOGUE[refusal];
        return h(
          'div',
          { class: 'action action-refused', 'data-step': spec.slug, 'data-refusal': refusal, 'aria-disabled': 'true' },
          h('p', { class: 'action-name' }, ...bi({ zh: spec.zh, en: spec.en })),
          h('p', { class: 'hint' }, ...bi({ zh: reason.zh, en: reason.en })),
        );
      }
      const details = h(
        'details',
        { class: 'action', 'data-step': spec.slug },
        h('summary', null, ...bi({ zh: spec.zh, en: spec.en })),
      );
      details.addEventListener('toggle', () => {
        if (details.open && !details.querySelector('form')) details.append(stepForm(matter, step, assignable, onDone));
      });
      return details;
    }),
  );
}
