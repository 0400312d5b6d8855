/**
 * The audit trail of a case or a certificate, in the lifecycle's words: when (Beijing time), who (by the staff
 * directory's name where it knows them), the step, the state it left and reached, what it changed, and the reason or
 * note typed with it.
 */
import {
  type EventFact,
  type EventStream,
  eventFacts,
  eventLabel,
  eventNote,
  stateChange,
  systemActorLabel,
} from '../../../../shared/lifecycle/event-labels';
import type { AuditEvent } from '../../../../shared/model';
import { type Child, h } from '../../common/dom';
import { formatDate, formatInstant } from '../../common/format';
import { apiGet } from '../client';
import { L } from '../messages';
import { bi, problemBox } from '../ui';
import { type People, personOf } from './person';

function factValue(fact: EventFact, people: People): Child {
  const v = fact.value;
  switch (v.kind) {
    case 'text':
      return v.text;
    case 'date':
      return formatDate(v.date);
    case 'person':
      return personOf(v.sub, people);
    case 'labels':
      return v.labels.flatMap((l, i) => [i > 0 ? ' · ' : null, ...bi(l)]);
    case 'change':
      return [h('del', null, v.from === null ? '—' : formatDate(v.from)), ' → ', h('ins', null, formatDate(v.to))];
  }
}

export function eventItem(e: AuditEvent, stream: EventStream, people: People): HTMLElement {
  const change = stateChange(stream, e);
  const facts = eventFacts(stream, e);
  const note = eventNote(e);
  // The sweep's reason restates its step, which the label already says in both languages.
  const reason = e.reason && !systemActorLabel(e.actor.sub) ? e.reason : null;
  return h(
    'li',
    { 'data-action': e.action },
    h(
      'p',
      { class: 'timeline-head' },
      h('time', { datetime: e.at }, formatInstant(e.at)),
      ' ',
      personOf(e.actor.sub, people),
    ),
    h(
      'p',
      { class: 'timeline-step' },
      h('span', { class: 'timeline-action' }, ...bi(eventLabel(stream, e.action))),
      change
        ? h(
            'span',
            { class: 'timeline-states', 'data-states': '' },
            change.from ? bi(change.from) : '—',
            ' → ',
            ...bi(change.to),
          )
        : null,
    ),
    facts.length
      ? h(
          'dl',
          { class: 'timeline-facts' },
          facts.map((f) =>
            h('div', { 'data-fact': f.key }, h('dt', null, ...bi(f.term)), h('dd', null, factValue(f, people))),
          ),
        )
      : null,
    reason ? h('p', { class: 'timeline-reason' }, ...bi(L.actions.reason), '：', h('q', null, reason)) : null,
    note ? h('p', { class: 'timeline-note' }, ...bi(L.historyNote), '：', h('q', null, note)) : null,
  );
}

/** A case's or a certificate's audit trail, by its id or number. */
const EVENTS_OF = {
  application: (id: string) => apiGet('/v1/staff/applications/{id}/events', { params: { id } }),
  certificate: (number: string) => apiGet('/v1/staff/certificates/{number}/events', { params: { number } }),
};

export async function historySection(stream: 'application' | 'certificate', key: string): Promise<HTMLElement> {
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, ...bi(L.history)),
  );
  const res = await EVENTS_OF[stream](key);
  if (res.kind !== 'ok') {
    section.append(problemBox(res));
    return section;
  }
  const people = res.body.people ?? {};
  section.append(
    h(
      'ol',
      { class: 'timeline' },
      res.body.items.map((e) => eventItem(e, stream, people)),
    ),
  );
  return section;
}
