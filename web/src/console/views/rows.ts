/** One case or one certificate as a row of a list: the queues, the certificate lists, the search results. */
import { chinaDate } from '../../../../shared/calendar';
import type { CaseDue } from '../../../../shared/lifecycle/case-due';
import { h } from '../../common/dom';
import { formatDate } from '../../common/format';
import { reasonLabel, statusLabel } from '../../common/labels';
import type { ApplicationAnswer, CertificateAnswer } from '../answers';
import { L, stateLabel } from '../messages';
import { badge, bi } from '../ui';
import { dueNote } from './case-due';

/** A case; from a queue's answer, with its due date (null when it owes nothing). */
export function applicationRow(a: ApplicationAnswer & { due?: CaseDue | null }): HTMLElement {
  return h(
    'li',
    { class: 'row', 'data-id': a.id },
    h('a', { href: `#/case/${a.id}`, class: 'row-title' }, a.organization.name),
    h(
      'span',
      { class: 'row-meta' },
      h('code', null, a.organization.creditCode),
      ' · ',
      formatDate(chinaDate(new Date(a.submittedAt))),
      a.kind === 'renewal' ? [' · ', ...bi(L.lists.renewal)] : null,
    ),
    badge(stateLabel(a.state), 'info'),
    a.due ? dueNote(a.due) : null,
  );
}

export function certificateRow(c: CertificateAnswer): HTMLElement {
  const last = c.statusHistory.at(-1);
  return h(
    'li',
    { class: 'row', 'data-number': c.number },
    h('a', { href: `#/certificate/${c.number}`, class: 'row-title' }, c.number),
    h(
      'span',
      { class: 'row-meta' },
      c.organization.name,
      ' · ',
      `${formatDate(c.validFrom)} – ${formatDate(c.validUntil)}`,
    ),
    badge(statusLabel(c.status), c.status === 'valid' ? 'good' : c.status === 'suspended' ? 'warn' : 'bad'),
    // Why it is in this queue: the reason of its last status change (surveillance overdue, for cause, …).
    last && last.reasonCategory !== 'issued'
      ? h('span', { class: 'row-reason' }, formatDate(last.date), ' ', ...bi(reasonLabel(last.reasonCategory)))
      : null,
  );
}
