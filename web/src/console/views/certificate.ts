/**
 * One certificate: its status and cycle, the surveillance it owes, its history, the staff actions (suspend,
 * reinstate, withdraw, cancel, surveillance, postponement), the star-mark artwork, and renewal for its holder.
 */
import { surveillanceDeadline } from '../../../../shared/lifecycle/certificate-dates';
import type { Application, Certificate } from '../../../../shared/model';
import { h, hl, replaceChildren } from '../../common/dom';
import { formatDate } from '../../common/format';
import { reasonLabel, statusLabel } from '../../common/labels';
import { apiGet, apiPost, download, newIdempotencyKey } from '../client';
import type { ConsoleContext } from '../context';
import { levelMsg } from '../labels';
import { hasRole } from '../session';
import { badge, bi, busy, definitionList, loading, problemBox } from '../ui';
import { actionsPanel } from './actions';
import { historySection } from './history';

function downloads(c: Certificate): HTMLElement {
  const message = h('div', { class: 'form-message' });
  const base = `/v1/staff/certificates/${encodeURIComponent(c.number)}`;
  const item = (file: string, label: { zh: string; en: string }) => {
    const button: HTMLButtonElement = hl(
      'button',
      { type: 'button', class: 'button', 'data-download': file },
      {
        click: () =>
          void busy(button, section, () => download(`${base}/${file}`, `${c.number}-${file}`)).then((r) =>
            replaceChildren(message, r.kind === 'ok' ? null : problemBox(r)),
          ),
      },
      ...bi(label),
    );
    return h('li', null, button);
  };
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'downloads-title' },
    h('h2', { id: 'downloads-title' }, ...bi({ zh: '证书与星级标志', en: 'Certificate and star mark' })),
    h(
      'ul',
      { class: 'inline-list' },
      item('star-mark.svg', { zh: '下载星级标志 SVG', en: 'Star mark (SVG)' }),
      item('star-mark.png', { zh: '下载星级标志 PNG', en: 'Star mark (PNG)' }),
      item('certificate.html', { zh: '下载证书（可打印）', en: 'Printable certificate' }),
    ),
    message,
  );
  return section;
}

/** The holder may open a renewal while its certificate is valid; the case then runs like an initial one. */
function renewal(ctx: ConsoleContext, c: Certificate, main: HTMLElement): HTMLElement | null {
  if (!hasRole(ctx.user, 'applicant') || c.applicantSub !== ctx.user.sub || c.status !== 'valid') return null;
  if (c.openRenewalId)
    return h(
      'p',
      { class: 'card' },
      ...bi({ zh: '再认证进行中：', en: 'Renewal under review: ' }),
      h('a', { href: `#/case/${c.openRenewalId}` }, c.openRenewalId),
    );
  const message = h('div', { class: 'form-message' });
  const key = newIdempotencyKey();
  const button: HTMLButtonElement = hl(
    'button',
    { type: 'button', class: 'button button-primary' },
    {
      click: () =>
        void busy(button, main, () =>
          apiPost<Application>('/v1/staff/renewals', { certificateNumber: c.number }, key),
        ).then((r) => {
          if (r.kind === 'ok') location.hash = `#/case/${r.body.id}`;
          else replaceChildren(message, problemBox(r));
        }),
    },
    ...bi({ zh: '申请再认证', en: 'Apply for renewal' }),
  );
  return h(
    'section',
    { class: 'card' },
    h(
      'p',
      null,
      ...bi({
        zh: `有效期至 ${c.validUntil}，须在到期前完成再认证。`,
        en: `Valid until ${c.validUntil}; renewal must be completed before then.`,
      }),
    ),
    button,
    message,
  );
}

export async function certificateView(ctx: ConsoleContext, main: HTMLElement, number: string): Promise<void> {
  replaceChildren(main, loading());
  const res = await apiGet<Certificate>(`/v1/staff/certificates/${encodeURIComponent(number)}`);
  if (res.kind !== 'ok') return replaceChildren(main, problemBox(res));
  const c = res.body;
  const tone = c.status === 'valid' ? 'good' : c.status === 'suspended' ? 'warn' : 'bad';
  const facts = definitionList([
    [{ zh: '获证组织', en: 'Organization' }, [c.organization.name, ' ', h('code', null, c.organization.creditCode)]],
    [{ zh: '认证范围', en: 'Scope' }, c.scope],
    [{ zh: '星级', en: 'Level' }, [...bi(levelMsg(c.level)), ` · ${c.score.toFixed(1)}`]],
    [{ zh: '认证周期', en: 'Cycle' }, String(c.cycle)],
    [{ zh: '有效期', en: 'Validity' }, `${formatDate(c.validFrom)} – ${formatDate(c.validUntil)}`],
    [{ zh: '上次监督审核', en: 'Last surveillance' }, formatDate(c.lastSurveillance)],
    [
      { zh: '下次监督审核截止', en: 'Next surveillance by' },
      [
        formatDate(surveillanceDeadline(c)),
        c.surveillancePostponedUntil ? h('span', { class: 'muted' }, ' (已推迟 postponed)') : null,
      ],
    ],
    [{ zh: '暂停日期', en: 'Suspended on' }, formatDate(c.suspendedOn)],
    [{ zh: '原申请', en: 'Application' }, h('a', { href: `#/case/${c.applicationId}` }, c.applicationId)],
  ]);
  const statusHistory = h(
    'ol',
    { class: 'timeline' },
    c.statusHistory.map((s) =>
      h(
        'li',
        null,
        h('time', null, formatDate(s.date)),
        badge(statusLabel(s.status), 'plain'),
        ' ',
        ...bi(reasonLabel(s.reasonCategory)),
      ),
    ),
  );
  const surveillances = c.surveillances.length
    ? h(
        'ul',
        { class: 'rows' },
        c.surveillances.map((s) =>
          h(
            'li',
            { class: 'row' },
            formatDate(s.date),
            ` · ${s.total.toFixed(1)} · `,
            ...bi(levelMsg(s.level)),
            ` · ${s.outcome} · ${s.evaluatorSub}`,
          ),
        ),
      )
    : h('p', { class: 'muted' }, ...bi({ zh: '尚无监督审核', en: 'No surveillance yet' }));
  replaceChildren(
    main,
    h(
      'section',
      { class: 'card' },
      h('p', { class: 'crumbs' }, h('a', { href: `#/certificates/${c.status}` }, ...bi(statusLabel(c.status)))),
      h('h1', { id: 'certificate-title' }, c.number),
      h('p', null, badge(statusLabel(c.status), tone)),
      facts,
    ),
    renewal(ctx, c, main),
    actionsPanel({ kind: 'certificate', number: c.number, status: c.status }, ctx.user, ctx.evaluators, () => {
      ctx.notify({ zh: '操作已完成', en: 'Done' });
      void certificateView(ctx, main, number);
    }),
    downloads(c),
    h(
      'section',
      { class: 'card' },
      h('h2', null, ...bi({ zh: '状态变化', en: 'Status history' })),
      statusHistory,
      h('h2', null, ...bi({ zh: '监督审核', en: 'Surveillance audits' })),
      surveillances,
    ),
    await historySection(`/v1/staff/certificates/${encodeURIComponent(number)}/events`, 'certificate'),
  );
}
