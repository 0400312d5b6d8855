/** Reminders and holder notices the system has sent (locally: the outbox; in AWS: what went to the SNS topic), newest first. */
import type { OutboxEntry } from '../../../../shared/operations';
import { h, replaceChildren } from '../../common/dom';
import { formatInstant } from '../../common/format';
import type { ConsoleContext } from '../context';
import { DUE_KIND_LABELS, fill, L } from '../messages';
import { badge, bi, biText, loading } from '../ui';
import { pagedList } from './applications';

/** Sent, queued (with the failed sends so far, when a reply is being tried again), or given up. */
function statusBadge(e: OutboxEntry): HTMLElement {
  if (e.status === 'failed') return badge(L.reminders.failed, 'bad');
  if (e.status === 'sent') return badge(L.reminders.sent, 'good');
  return badge(e.attempts ? fill(L.reminders.queuedAgain, { n: e.attempts }) : L.reminders.queued, 'warn');
}

function entry(e: OutboxEntry): HTMLElement {
  return h(
    'li',
    { class: 'card outbox-entry', 'data-key': e.key },
    h(
      'p',
      { class: 'row-meta' },
      h('time', { datetime: e.queuedAt }, formatInstant(e.queuedAt)),
      ' ',
      ...(e.kind === 'matter_reply'
        ? [badge(L.reminders.matterReply, 'info')]
        : e.kind === 'matter_overdue'
          ? [badge(L.reminders.matterOverdue, 'bad')]
          : e.kind === 'mark_reissued'
            ? [badge(L.reminders.markReissued, 'warn')]
            : e.kind === 'watchlist_change'
              ? [badge(L.reminders.watchlistChange, 'info'), ...(e.to ? [` ${e.to}`] : [])]
              : e.kind === 'holder_change'
                ? [badge(L.reminders.holderChange, 'info')]
                : [badge(DUE_KIND_LABELS[e.kind], 'info'), ' ', badge(fill(L.reminders.reminder, { n: e.threshold }))]),
      ' ',
      statusBadge(e),
      ` ${e.channel}`,
    ),
    h('h2', { class: 'outbox-subject' }, e.subject),
    h('p', { class: 'outbox-text' }, e.text),
    h(
      'p',
      null,
      e.kind === 'matter_reply' || e.kind === 'matter_overdue'
        ? h('a', { href: `#/matter/${encodeURIComponent(e.matterId)}` }, e.matterId)
        : h('a', { href: `#/certificate/${e.number}` }, e.number),
    ),
  );
}

export async function outboxView(_ctx: ConsoleContext, main: HTMLElement): Promise<void> {
  replaceChildren(main, h('h1', null, ...bi(L.outbox)), loading());
  const list = await pagedList('/v1/staff/outbox', { query: { limit: 20 } }, entry, biText(L.outbox));
  replaceChildren(main, h('h1', null, ...bi(L.outbox)), h('p', { class: 'muted' }, ...bi(L.reminders.intro)), list);
}
