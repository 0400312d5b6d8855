/**
 * A person as every console page shows one: by the staff directory's name, with their account beside it as a muted
 * hint; by the account alone where the directory does not know them; a system actor by the system's own name. The
 * names come in the answer that names the people (its `people`), so a page never asks the directory itself.
 */
import { systemActorLabel } from '../../../../shared/lifecycle/event-labels';
import { type Child, h } from '../../common/dom';
import { bi } from '../ui';

export type People = Readonly<Record<string, string>>;

export function personOf(sub: string, people: People): Child {
  const system = systemActorLabel(sub);
  if (system) return h('span', { class: 'person', 'data-actor': sub }, ...bi(system));
  const name = people[sub];
  return h(
    'span',
    { class: 'person', 'data-actor': sub },
    ...(name ? [name, ' ', h('code', { class: 'muted' }, sub)] : [h('code', null, sub)]),
  );
}

/** A person a record may not name yet (no evaluator assigned): a dash until it does. */
export function personOrDash(sub: string | undefined, people: People): Child {
  return sub ? personOf(sub, people) : '—';
}
