/** The audit trail of a case or a certificate: who did what, when, from which state to which, and why. */
import { APPLICATION_TRANSITIONS, CERTIFICATE_TRANSITIONS } from '../../../../shared/lifecycle/transitions';
import type { AuditEvent } from '../../../../shared/model';
import { h } from '../../common/dom';
import { formatInstant } from '../../common/format';
import type { Msg } from '../../common/i18n';
import { apiGet } from '../client';
import { L } from '../labels';
import { bi, problemBox } from '../ui';

const OTHER_ACTIONS: Record<string, Msg> = {
  submit: { zh: '提交申请', en: 'Application submitted' },
  'submit-renewal': { zh: '提交再认证申请', en: 'Renewal applied for' },
  renew: { zh: '再认证发证（新周期）', en: 'Renewed into a new cycle' },
  'renewal-opened': { zh: '再认证申请进行中', en: 'Renewal opened' },
  'renewal-closed': { zh: '再认证申请结束', en: 'Renewal closed' },
  'sweep-suspendOverdue': { zh: '监督审核逾期，系统暂停', en: 'Suspended by the sweep: surveillance overdue' },
  'sweep-withdrawSuspensionExpired': {
    zh: '暂停超过 6 个月，系统撤销',
    en: 'Withdrawn by the sweep: suspended over 6 months',
  },
  'sweep-expire': { zh: '有效期届满，系统标记过期', en: 'Expired by the sweep' },
};

export function actionLabel(action: string, stream: 'application' | 'certificate'): Msg {
  const table: Record<string, { slug: string; zh: string; en: string }> =
    stream === 'application' ? APPLICATION_TRANSITIONS : CERTIFICATE_TRANSITIONS;
  const spec = Object.values(table).find((t) => t.slug === action);
  return spec ? { zh: spec.zh, en: spec.en } : (OTHER_ACTIONS[action] ?? { zh: action, en: action });
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
        ),
      ),
    ),
  );
  return section;
}
