/**
 * The applicant's appeal, from its own certificate (against a suspension or a withdrawal) or its own case (against a
 * rejection or the star level): offered only where the rule the server asks first allows it today
 * (certificateAppealRefusal, caseAppealRefusal), with the last day it may be filed, and a form for the grounds. A
 * decision already appealed (the answer's `appeals`, asked of the server's own repeatAppealRefusal) shows the offer
 * disabled with the reason and the appeal's matter (its number and where it stands), instead of a form the server
 * would refuse.
 */
import { isStaff } from '../../../../shared/access';
import { chinaDate, type IsoDate } from '../../../../shared/calendar';
import {
  APPEALABLE_DECISION_LABELS,
  type AppealableDecision,
  type AppealOnRecord,
  appealOnRecordFor,
  CASE_DECISIONS,
  CERTIFICATE_DECISIONS,
  caseAppealDeadline,
  caseAppealedDecision,
  caseAppealRefusal,
  certificateAppealDeadline,
  certificateAppealedDecision,
  certificateAppealRefusal,
  INTAKE_LIMITS,
  MATTER_OUTCOME_LABELS,
  MATTER_STATE_LABELS,
  repeatAppealRefusal,
} from '../../../../shared/complaints';
import { ERROR_CATALOGUE } from '../../../../shared/errors';
import type { Application, Certificate } from '../../../../shared/model';
import type { ApiOutcome } from '../../common/api';
import { h, hl, replaceChildren } from '../../common/dom';
import { formatDate } from '../../common/format';
import { apiPost, newIdempotencyKey } from '../client';
import { fill, L } from '../messages';
import type { SessionUser } from '../session';
import { bi, busy, field, problemBox } from '../ui';

interface Appealable {
  decision: AppealableDecision;
  deadline: IsoDate;
  /** The appeal already filed against this decision, when the one-appeal-per-decision rule refuses another. */
  appealed?: AppealOnRecord;
  /** Files it: on the certificate's route or the case's. */
  file(grounds: string, key: string): Promise<ApiOutcome<{ id: string }>>;
}

/** The holder's appeal against the decision its certificate's status stands on, while the period runs. */
export function certificateAppealSection(
  c: Certificate,
  user: SessionUser,
  appeals: readonly AppealOnRecord[],
): HTMLElement | null {
  const today = chinaDate(new Date());
  const decision = CERTIFICATE_DECISIONS.find((d) => certificateAppealRefusal(c, d, user, today) === null);
  const deadline = certificateAppealDeadline(c);
  if (!decision || !deadline) return null;
  const params = { number: c.number };
  return appealSection(
    {
      decision,
      deadline,
      appealed: alreadyAppealed(appeals, certificateAppealedDecision(c, decision)),
      file: (grounds, key) =>
        apiPost('/v1/staff/certificates/{number}/appeals', { decision, grounds }, key, { params }),
    },
    user,
  );
}

/** The applicant's appeal against the decision on its own case (a rejection, or the level it was certified at). */
export function caseAppealSection(
  a: Application,
  user: SessionUser,
  appeals: readonly AppealOnRecord[],
): HTMLElement | null {
  const today = chinaDate(new Date());
  const decision = CASE_DECISIONS.find((d) => caseAppealRefusal(a, d, user, today) === null);
  const deadline = decision && caseAppealDeadline(a, decision);
  if (!decision || !deadline) return null;
  const params = { id: a.id };
  return appealSection(
    {
      decision,
      deadline,
      appealed: alreadyAppealed(appeals, caseAppealedDecision(a, decision)),
      file: (grounds, key) => apiPost('/v1/staff/applications/{id}/appeals', { decision, grounds }, key, { params }),
    },
    user,
  );
}

/** The appeal on record against the decision, when the rule the server asks refuses another (open, or decided). */
function alreadyAppealed(
  appeals: readonly AppealOnRecord[],
  about: Parameters<typeof appealOnRecordFor>[1],
): AppealOnRecord | undefined {
  const earlier = appealOnRecordFor(appeals, about);
  return repeatAppealRefusal(earlier) ? earlier : undefined;
}

/** The offer shown disabled: the decision was appealed once, and the reason says so with a link to that appeal. */
function appealedSection(decision: AppealableDecision, appealed: AppealOnRecord, user: SessionUser): HTMLElement {
  const reason = ERROR_CATALOGUE.APPEAL_ALREADY_FILED;
  return h(
    'section',
    { class: 'card', 'data-appeal': decision, 'data-appealed': appealed.matterId, 'aria-labelledby': 'appeal-title' },
    h('h2', { id: 'appeal-title' }, ...bi(L.appeal.title)),
    h('p', null, ...bi(L.appeal.against), ...bi(APPEALABLE_DECISION_LABELS[decision])),
    h(
      'button',
      {
        type: 'button',
        class: 'button',
        disabled: true,
        'data-appeal-open': '',
        'data-refusal': 'APPEAL_ALREADY_FILED',
        'aria-describedby': 'appeal-refusal',
      },
      ...bi(L.appeal.open),
    ),
    h('p', { class: 'hint', id: 'appeal-refusal' }, ...bi({ zh: reason.zh, en: reason.en })),
    h(
      'p',
      { 'data-appeal-matter': appealed.matterId, 'data-appeal-state': appealed.state },
      matterReference(appealed, user),
      ' · ',
      ...bi(MATTER_STATE_LABELS[appealed.state]),
      ...(appealed.outcome ? [' · ', ...bi(MATTER_OUTCOME_LABELS[appealed.outcome])] : []),
    ),
  );
}

/**
 * The appeal's matter by its number: a link to it for whoever may open the handling queue's page; the holder, who
 * may not (the matter carries the handlers' notes), is given the number to quote and where the appeal stands.
 */
function matterReference(appealed: AppealOnRecord, user: SessionUser): HTMLElement {
  const label = [...bi(L.appeal.matter), ` ${appealed.matterId}`];
  return isStaff(user)
    ? h('a', { href: `#/matter/${encodeURIComponent(appealed.matterId)}`, 'data-matter-link': '' }, ...label)
    : h('span', null, ...label);
}

function appealSection({ decision, deadline, appealed, file }: Appealable, user: SessionUser): HTMLElement {
  if (appealed) return appealedSection(decision, appealed, user);
  const slot = h('div');
  const section = h(
    'section',
    { class: 'card', 'data-appeal': decision, 'aria-labelledby': 'appeal-title' },
    h('h2', { id: 'appeal-title' }, ...bi(L.appeal.title)),
    h('p', null, ...bi(L.appeal.against), ...bi(APPEALABLE_DECISION_LABELS[decision])),
    h('p', { 'data-appeal-deadline': deadline }, ...bi(fill(L.appeal.deadline, { date: formatDate(deadline) }))),
    slot,
  );
  const start: HTMLButtonElement = hl(
    'button',
    { type: 'button', class: 'button button-primary', 'data-appeal-open': '' },
    { click: () => openForm() },
    ...bi(L.appeal.open),
  );
  slot.append(start);
  // One key per appeal meant: a retry after a network failure files it at most once.
  let key = newIdempotencyKey();

  const openForm = () => {
    const grounds = h('textarea', {
      name: 'grounds',
      'data-path': 'body.grounds',
      rows: 4,
      minlength: 10,
      maxlength: INTAKE_LIMITS.maxDescriptionChars,
      required: true,
    });
    const message = h('div', { class: 'form-message' });
    const submit = h(
      'button',
      { type: 'submit', class: 'button button-primary', 'data-appeal-submit': '' },
      ...bi(L.appeal.submit),
    );
    const form = h(
      'form',
      { class: 'action-form', novalidate: true, 'data-appeal-form': '' },
      field(L.appeal.grounds, grounds, `${L.appeal.groundsHint.zh} · ${L.appeal.groundsHint.en}`),
      message,
      h(
        'div',
        { class: 'form-buttons' },
        submit,
        hl(
          'button',
          { type: 'button', class: 'button' },
          { click: () => replaceChildren(slot, start) },
          ...bi(L.appeal.cancel),
        ),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void busy(submit, section, () => file(grounds.value.trim(), key)).then((r) => {
        if (r.kind === 'ok') {
          key = newIdempotencyKey();
          replaceChildren(
            slot,
            h(
              'p',
              { class: 'notice', role: 'status', 'data-appeal-filed': r.body.id },
              ...bi(fill(L.appeal.filed, { id: r.body.id })),
            ),
          );
          return;
        }
        if (r.kind === 'problem') key = newIdempotencyKey();
        replaceChildren(message, problemBox(r, form));
      });
    });
    replaceChildren(slot, form);
    grounds.focus();
  };
  return section;
}
