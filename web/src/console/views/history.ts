/** The audit trail of a case or a certificate: who did what, when, from which state to which, and why. */
import { APPLICATION_TRANSITIONS, CERTIFICATE_TRANSITIONS } from '../../../../shared/lifecycle/transitions';
import type { AuditEvent } from '../../../../shared/model';
import { h } from '../../common/dom';
import { formatInstant } from '../../common/format';
import type { Msg } from '../../common/i18n';
import { apiGet } from '../client';
import { L, OTHER_ACTION_LABELS } from '../messages';
import { bi, problemBox } from '../ui';

export function actionLabel(action: string, stream: 'application' | 'certificate'): Msg {
  const table: Record<string, { slug: string; zh: string; en: string }> =
    stream === 'application' ? APPLICATION_TRANSITIONS : CERTIFICATE_TRANSITIONS;
  const spec = Object.values(table).find((t) => t.slug === action);
  return spec ? { zh: spec.zh, en: spec.en } : (OTHER_ACTION_LABELS[action] ?? { zh: action, en: action });
}

export async function historySection(path: string, stream: 'application' | 'certificate'): Promise<HTMLElement> {
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, ...bi(L.history)),
  );
  const res = await apiGet<{ items: AuditEvent[] }>(path);
  if (res.kind !== 'ok') return section.appendChild(problemBox(res)).parentElement!;
  section.append(
    h(
      'ol',
      { class: 'timeline' },
      res.body.items.map((e) =>
        h(
          'li',
          null,
          h('time', { datetime: e.at }, formatInstant(e.at)),
          h('span', { class: 'timeline-action' }, ...bi(actionLabel(e.action, stream))),
          e.from !== e.to ? h('span', { class: 'muted' }, ` ${e.from ?? '—'} → ${e.to}`) : null,
          h('span', { class: 'timeline-actor' }, e.actor.sub),
          e.reason ? h('q', { class: 'timeline-reason' }, e.reason) : null,
          typeof e.data?.note === 'string' ? h('q', { class: 'timeline-note' }, e.data.note) : null,
        ),
      ),
    ),
  );
  return section;
}
