/**
 * One matter as staff handle it: what was reported and where, the day the next answer is owed, who may not handle
 * it, the handler, the notes, the outcome and the reply (and whether its e-mail was given up); the steps the person may take; and its trail. The
 * reporter's contact is there only when the API gives it (to those handling the matter, while it is open).
 */

import { chinaDate } from '../../../../shared/calendar';
import {
  MATTER_KIND_LABELS,
  MATTER_OUTCOME_LABELS,
  MATTER_STATE_LABELS,
  SEEN_AT_LABELS,
  type ShownMatter,
} from '../../../../shared/complaints';
import type { AuditEvent } from '../../../../shared/model';
import { type Child, h, replaceChildren } from '../../common/dom';
import { formatInstant } from '../../common/format';
import type { Msg } from '../../common/i18n';
import { apiGet } from '../client';
import type { ConsoleContext } from '../context';
import { fill, L } from '../messages';
import { badge, bi, definitionList, loading, problemBox } from '../ui';
import { eventItem } from './history';
import { matterPhoto } from './matter-photo';
import { matterStepsPanel } from './matter-steps';
import { deadlineBadge } from './matters';
import { type People, personOf } from './person';

function seenAt(m: ShownMatter): Child {
  if (!m.seenAt) return null;
  const s = m.seenAt;
  // A link is shown as text: staff copy it into a browser of their own choosing, never follow it from here.
  return [
    ...bi(SEEN_AT_LABELS[s.kind]),
    s.place ? ` · ${s.place}` : null,
    s.city ? ` · ${s.city}` : null,
    s.link ? [' · ', h('code', null, s.link)] : null,
  ];
}

function numberOf(m: ShownMatter): Child {
  if (m.certificateNumber)
    return h('a', { href: `#/certificate/${encodeURIComponent(m.certificateNumber)}` }, m.certificateNumber);
  return m.reportedNumber ? h('code', null, m.reportedNumber) : null;
}

/** A reply given up after its attempts: staff must know the reporter was never told. */
function replyFailed(m: ShownMatter): Child {
  if (!m.replyFailed) return null;
  const { attempts, at } = m.replyFailed;
  return h(
    'span',
    { 'data-reply-failed': String(attempts) },
    badge(L.matters.replyFailedBadge, 'bad'),
    ' ',
    // One calendar day for both languages: the bilingual sentence must not carry one language's date format.
    ...bi(fill(L.matters.replyFailedText, { attempts, date: chinaDate(new Date(at)) })),
  );
}

export async function matterView(ctx: ConsoleContext, main: HTMLElement, id: string): Promise<void> {
  replaceChildren(main, loading());
  const res = await apiGet('/v1/staff/matters/{matterId}', { params: { matterId: id } });
  if (res.kind !== 'ok') return replaceChildren(main, problemBox(res));
  const { today, deadline } = res.body;
  // The matter and its trail in full: the document names every field (shared/schemas/answers-fit.ts).
  const m: ShownMatter = res.body.matter;
  const events: AuditEvent[] = res.body.events;
  const people: People = res.body.people ?? {};
  const done = () => {
    ctx.notify(L.done);
    void matterView(ctx, main, id);
  };
  // A row says something or is left out: a report has no appeal, a complaint no verdict.
  const rows: [Msg, Child][] = [
    [L.matters.received, formatInstant(m.receivedAt)],
    [L.matters.number, numberOf(m)],
    [L.matters.verdict, m.verdict ? h('code', null, m.verdict) : null],
    [L.matters.seenAt, seenAt(m)],
    [L.matters.description, m.description ?? null],
    [L.matters.photo, matterPhoto(m, ctx.user)],
    [L.matters.contact, m.contact ? h('span', { 'data-contact': '' }, m.contact) : null],
    [
      L.matters.appealOf,
      m.appealOf
        ? [
            h('a', { href: `#/case/${encodeURIComponent(m.appealOf.applicationId)}` }, m.appealOf.applicationId),
            ` · ${m.appealOf.decision}`,
          ]
        : null,
    ],
    [L.matters.involved, m.involved.length ? m.involved.map((s, i) => [i ? '、' : null, personOf(s, people)]) : null],
    [
      L.matters.handler,
      m.handlerSub
        ? h('span', { 'data-handler': m.handlerSub }, personOf(m.handlerSub, people))
        : bi(L.matters.unassigned),
    ],
    [L.matters.outcome, m.outcome ? bi(MATTER_OUTCOME_LABELS[m.outcome]) : null],
    [L.matters.reply, m.reply ?? null],
    [L.matters.replyFailed, replyFailed(m)],
  ];
  const facts = definitionList(rows.filter(([, value]) => value !== null));
  const notes = m.notes?.length
    ? h(
        'section',
        { class: 'card', 'aria-labelledby': 'notes-title' },
        h('h2', { id: 'notes-title' }, ...bi(L.matters.notes)),
        h(
          'ol',
          { class: 'timeline' },
          m.notes.map((n) =>
            h(
              'li',
              null,
              h('p', { class: 'timeline-head' }, formatInstant(n.at), ' ', personOf(n.by, people)),
              h('p', null, n.text),
            ),
          ),
        ),
      )
    : null;
  replaceChildren(
    main,
    h(
      'section',
      { class: 'card', 'data-matter': m.id, 'data-state': m.state },
      h('p', { class: 'crumbs' }, h('a', { href: '#/matters' }, ...bi(L.matters.title))),
      h('h1', null, ...bi(MATTER_KIND_LABELS[m.kind])),
      h(
        'p',
        null,
        h('code', null, m.id),
        ' ',
        badge(MATTER_STATE_LABELS[m.state], 'info'),
        ' ',
        deadlineBadge(deadline, today),
        m.replyFailed ? [' ', badge(L.matters.replyFailedBadge, 'bad')] : null,
      ),
      facts,
    ),
    matterStepsPanel(m, ctx.user, ctx.assignable, done),
    notes,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'trail-title' },
      h('h2', { id: 'trail-title' }, ...bi(L.matters.trail)),
      h(
        'ol',
        { class: 'timeline' },
        events.map((e) => eventItem(e, 'matter', people)),
      ),
    ),
  );
}
