/**
 * One case, from submission to issued certificate: what the organization applied for, where the case stands, its
 * score sheet, the committee's decision, and the steps the signed-in person may take next.
 */
import type { Application, Certificate } from '../../../../shared/model';
import { h, replaceChildren } from '../../common/dom';
import { formatDate, formatInstant } from '../../common/format';
import { apiGet } from '../client';
import type { ConsoleContext } from '../context';
import { levelMsg, stateLabel } from '../labels';
import { badge, bi, definitionList, loading, problemBox } from '../ui';
import { actionsPanel } from './actions';
import { historySection } from './history';
import { scoreSheetTable } from './score-sheet';

const STATE_TONE: Record<string, 'good' | 'warn' | 'bad' | 'info'> = {
  issued: 'good',
  approved: 'good',
  rejected: 'bad',
  withdrawn: 'bad',
  revision_requested: 'warn',
};

export async function caseView(ctx: ConsoleContext, main: HTMLElement, id: string): Promise<void> {
  replaceChildren(main, loading());
  const res = await apiGet<Application>(`/v1/staff/applications/${encodeURIComponent(id)}`);
  if (res.kind !== 'ok') return replaceChildren(main, problemBox(res));
  const a = res.body;
  const rerender = (body: unknown) => {
    const issued = (body as { certificate?: Certificate }).certificate;
    ctx.notify(
      issued
        ? { zh: `证书 ${issued.number} 已颁发`, en: `Certificate ${issued.number} issued` }
        : { zh: '操作已完成', en: 'Done' },
    );
    void caseView(ctx, main, id);
  };
  const facts = definitionList([
    [{ zh: '统一社会信用代码', en: 'Credit code' }, h('code', null, a.organization.creditCode)],
    [{ zh: '认证范围', en: 'Scope' }, a.scope],
    [
      { zh: '申请类型', en: 'Kind' },
      a.kind === 'renewal'
        ? [
            ...bi({ zh: '再认证', en: 'Renewal' }),
            ' ',
            a.renewalOf ? h('a', { href: `#/certificate/${a.renewalOf}` }, a.renewalOf) : null,
          ]
        : bi({ zh: '初次认证', en: 'Initial' }),
    ],
    [{ zh: '服务体系运行起始', en: 'Operating since' }, formatDate(a.operatingSince)],
    [{ zh: '提交时间', en: 'Submitted' }, formatInstant(a.submittedAt)],
    [{ zh: '申请人账号', en: 'Applicant' }, a.applicantSub],
    [{ zh: '评审员', en: 'Evaluator' }, a.evaluatorSub ?? '—'],
    [{ zh: '合同编号', en: 'Contract' }, a.contractNo ?? '—'],
    [{ zh: '现场审核日期', en: 'On-site review' }, formatDate(a.onSiteReviewDate)],
    [
      { zh: '得分与星级', en: 'Score and level' },
      a.score ? [h('strong', null, a.score.total.toFixed(1)), ' · ', ...bi(levelMsg(a.score.level))] : '—',
    ],
    [
      { zh: '认证决定', en: 'Decision' },
      a.decision
        ? [
            ...bi(a.decision.approved ? { zh: '批准', en: 'Approved' } : { zh: '否决', en: 'Rejected' }),
            ` · ${a.decision.by}`,
            a.decision.reason ? h('q', null, a.decision.reason) : null,
          ]
        : '—',
    ],
    [
      { zh: '证书', en: 'Certificate' },
      a.certificateNumber
        ? h(
            'a',
            { href: `#/certificate/${a.certificateNumber}`, 'data-certificate': a.certificateNumber },
            a.certificateNumber,
          )
        : '—',
    ],
  ]);
  const documents = a.documents.length
    ? h(
        'ul',
        { class: 'documents' },
        a.documents.map((d) =>
          h('li', null, d.name, ' ', h('span', { class: 'muted' }, `(${d.kind})`), d.note ? ` — ${d.note}` : null),
        ),
      )
    : h('p', { class: 'muted' }, ...bi({ zh: '未上传体系文件', en: 'No documents listed' }));
  const header = h(
    'section',
    { class: 'card' },
    h('p', { class: 'crumbs' }, h('a', { href: `#/queues/${a.state}` }, ...bi(stateLabel(a.state)))),
    h('h1', { id: 'case-title' }, a.organization.name),
    a.organization.nameEn ? h('p', { class: 'en subtitle', lang: 'en' }, a.organization.nameEn) : null,
    h(
      'p',
      null,
      badge(stateLabel(a.state), STATE_TONE[a.state] ?? 'info'),
      a.revisionNote ? h('span', { class: 'warning' }, ' ', a.revisionNote) : null,
    ),
    facts,
    h('h2', null, ...bi({ zh: '服务体系文件', en: 'Service-system documents' })),
    documents,
  );
  replaceChildren(
    main,
    header,
    actionsPanel(
      { kind: 'application', id: a.id, state: a.state, evaluatorSub: a.evaluatorSub },
      ctx.user,
      ctx.evaluators,
      rerender,
    ),
    a.scoreSheet ? h('section', { class: 'card' }, scoreSheetTable(a.scoreSheet)) : null,
    await historySection(`/v1/staff/applications/${encodeURIComponent(id)}/events`, 'application'),
  );
  main.querySelector('h1')?.setAttribute('tabindex', '-1');
}
