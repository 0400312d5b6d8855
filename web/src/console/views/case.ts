/**
 * One case, from submission to issued certificate: what the organization applied for, where the case stands, its
 * score sheet, the committee's decision, and the steps the signed-in person may take next.
 */
import type { Application, Certificate } from '../../../../shared/model';
import { h, replaceChildren } from '../../common/dom';
import { formatDate, formatInstant } from '../../common/format';
import { apiGet } from '../client';
import type { ConsoleContext } from '../context';
import { fill, L, levelMsg, stateLabel } from '../messages';
import { badge, bi, definitionList, loading, problemBox } from '../ui';
import { actionsPanel } from './actions';
import { caseAppealSection } from './appeal';
import { caseDocumentsSection } from './case-documents';
import { historySection } from './history';
import { organizationSection } from './organization';
import { type People, personOf, personOrDash } from './person';
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
  const res = await apiGet('/v1/staff/applications/{id}', { params: { id } });
  if (res.kind !== 'ok') return replaceChildren(main, problemBox(res));
  // The whole case as the API keeps it: the document names every field of it.
  const a: Application = res.body;
  const people: People = res.body.people ?? {};
  const rerender = (body: unknown) => {
    const issued = (body as { certificate?: Certificate }).certificate;
    ctx.notify(issued ? fill(L.case.issued, { number: issued.number }) : L.done);
    void caseView(ctx, main, id);
  };
  const facts = definitionList([
    [L.case.creditCode, h('code', null, a.organization.creditCode)],
    [L.case.scope, a.scope],
    [
      L.case.kind,
      a.kind === 'renewal'
        ? [
            ...bi(L.case.renewal),
            ' ',
            a.renewalOf ? h('a', { href: `#/certificate/${a.renewalOf}` }, a.renewalOf) : null,
          ]
        : bi(L.case.initial),
    ],
    [L.case.operatingSince, formatDate(a.operatingSince)],
    [L.case.submitted, formatInstant(a.submittedAt)],
    [L.case.applicant, personOf(a.applicantSub, people)],
    [L.case.evaluator, personOrDash(a.evaluatorSub, people)],
    [L.case.committee, personOrDash(a.committeeSub, people)],
    [L.case.contract, a.contractNo ?? '—'],
    [L.case.onSiteReview, formatDate(a.onSiteReviewDate)],
    [
      L.case.score,
      a.score ? [h('strong', null, a.score.total.toFixed(1)), ' · ', ...bi(levelMsg(a.score.level))] : '—',
    ],
    [
      L.case.decision,
      a.decision
        ? [
            ...bi(a.decision.approved ? L.case.approved : L.case.rejected),
            ' · ',
            personOf(a.decision.by, people),
            a.decision.reason ? h('q', null, a.decision.reason) : null,
          ]
        : '—',
    ],
    [
      L.case.certificate,
      a.certificateNumber
        ? h(
            'a',
            { href: `#/certificate/${a.certificateNumber}`, 'data-certificate': a.certificateNumber },
            a.certificateNumber,
          )
        : '—',
    ],
  ]);
  // The names the application listed, when it listed any: the files themselves are in the case files below.
  const named = a.documents.length
    ? [
        h('h2', null, ...bi(L.case.namedDocuments)),
        h(
          'ul',
          { class: 'documents' },
          a.documents.map((d) =>
            h('li', null, d.name, ' ', h('span', { class: 'muted' }, `(${d.kind})`), d.note ? ` — ${d.note}` : null),
          ),
        ),
      ]
    : null;
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
    named,
  );
  replaceChildren(
    main,
    header,
    caseAppealSection(a, ctx.user, res.body.appeals ?? []),
    actionsPanel({ kind: 'application', record: a }, ctx.user, ctx.assignable, rerender),
    caseDocumentsSection(a, ctx.user),
    organizationSection(ctx, a.organization.creditCode),
    a.scoreSheet ? h('section', { class: 'card' }, scoreSheetTable(a.scoreSheet)) : null,
    await historySection('application', id),
  );
  main.querySelector('h1')?.setAttribute('tabindex', '-1');
}
