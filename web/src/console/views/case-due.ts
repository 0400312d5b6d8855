/**
 * A case's due date as a queue row shows it (shared/lifecycle/case-due.ts): the answer it waits for, the Beijing day
 * it is due on, and how many days are left or overdue — counted by the server from its own today, never the device's.
 */
import type { CaseDue } from '../../../../shared/lifecycle/case-due';
import { CASE_AWAITS_LABELS } from '../../../../shared/lifecycle/labels';
import { h } from '../../common/dom';
import { formatDate } from '../../common/format';
import { fill, L } from '../messages';
import { badge, bi } from '../ui';

export function dueNote(due: CaseDue): HTMLElement {
  const overdue = due.daysLeft < 0;
  return h(
    'span',
    {
      class: ['row-due', overdue ? 'overdue' : null],
      'data-due': due.on,
      'data-days-left': String(due.daysLeft),
      'data-overdue': overdue ? 'true' : null,
    },
    ...bi(CASE_AWAITS_LABELS[due.awaits]),
    ' · ',
    ...bi(L.caseDue.on),
    ' ',
    h('time', { datetime: due.on }, formatDate(due.on)),
    due.certificateEnds ? [' (', ...bi(L.caseDue.certificateEnds), ')'] : null,
    due.owedBy === 'applicant' ? [' · ', ...bi(L.caseDue.byApplicant)] : null,
    ' ',
    overdue
      ? badge(fill(L.caseDue.overdue, { days: -due.daysLeft }), 'bad')
      : due.daysLeft === 0
        ? badge(L.caseDue.today, 'warn')
        : badge(fill(L.caseDue.left, { days: due.daysLeft }), 'plain'),
  );
}
