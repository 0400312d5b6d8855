/**
 * One certificate: its status and cycle, the surveillance it owes, its history, the staff actions (suspend,
 * reinstate, withdraw, cancel, surveillance, postponement, restoring on appeal), the star-mark artwork, and renewal
 * and appeal for its holder.
 */
import { isLegacyApplicationId } from '../../../../shared/legacy-import/certificate';
import { surveillanceDeadline } from '../../../../shared/lifecycle/certificate-dates';
import { groundLabel, outcomeLabel } from '../../../../shared/lifecycle/labels';
import type { Certificate } from '../../../../shared/model';
import type { ApiOutcome } from '../../common/api';
import { type Child, h, hl, replaceChildren } from '../../common/dom';
import { formatDate, formatInstant } from '../../common/format';
import type { Msg } from '../../common/i18n';
import { changeFieldLabel, changeKindLabel, changeReasonLabel, reasonLabel, statusLabel } from '../../common/labels';
import type { CertificateAnswer } from '../answers';
import { apiGet, download } from '../client';
import type { ConsoleContext } from '../context';
import { fill, L, levelMsg } from '../messages';
import { badge, bi, biText, busy, definitionList, loading, problemBox } from '../ui';
import { actionsPanel } from './actions';
import { certificateAppealSection } from './appeal';
import { historySection } from './history';
import { type People, personOf, personOrDash } from './person';
import { renewalSection } from './renewal';

/** A surveillance result waiting for the committee: what it would change and why it waits. */
function pendingCard(c: Certificate, people: People): HTMLElement | null {
  const p = c.pendingSurveillance;
  if (!p) return null;
  return h(
    'section',
    { class: 'card', 'data-pending-surveillance': '', 'aria-labelledby': 'pending-title' },
    h('h2', { id: 'pending-title' }, ...bi(L.certificate.pendingSurveillance)),
    definitionList([
      [L.actions.auditDate, formatDate(p.date)],
      [L.certificate.level, [...bi(levelMsg(p.level)), ` · ${p.total.toFixed(1)} · `, ...bi(outcomeLabel(p.outcome))]],
      [L.certificate.evaluator, personOf(p.evaluatorSub, people)],
      [L.certificate.pendingGrounds, p.grounds.flatMap((g) => [...bi(groundLabel(g)), ' '])],
    ]),
    h('p', { class: 'muted' }, ...bi(L.certificate.pendingNote)),
  );
}

/** A change waiting for its decision: what it would change, who proposed it, and its review for a scope extension. */
function pendingChangeCard(c: Certificate, people: People): HTMLElement | null {
  const p = c.pendingChange;
  if (!p) return null;
  return h(
    'section',
    { class: 'card', 'data-pending-change': p.kind, 'aria-labelledby': 'pending-change-title' },
    h('h2', { id: 'pending-change-title' }, ...bi(L.certificate.pendingChange)),
    definitionList([
      [L.actions.changeKind, [...bi(changeKindLabel(p.kind)), ' · ', ...bi(changeFieldLabel(p.field))]],
      [L.actions.changeTo, [h('del', null, p.from ?? '—'), ' → ', h('ins', null, p.to)]],
      [L.actions.changeReasonCategory, bi(changeReasonLabel(p.reasonCategory))],
      [L.actions.changeReason, p.reason],
      [L.certificate.proposedBy, [personOf(p.proposedBy, people), ` · ${formatDate(p.proposedOn)}`]],
      ...(p.review
        ? [
            [L.certificate.reviewedBy, [personOf(p.review.by, people), ` · ${formatDate(p.review.date)}`]] as [
              Msg,
              Child,
            ],
          ]
        : []),
    ]),
    h('p', { class: 'muted' }, ...bi(L.certificate.pendingChangeNote)),
  );
}

/** The approved changes, oldest first, as the audit and the public history keep them. */
function changeHistory(c: Certificate): HTMLElement | null {
  if (!c.changes?.length) return null;
  return h(
    'ol',
    { class: 'timeline', 'data-changes': '' },
    c.changes.map((ch) =>
      h(
        'li',
        null,
        h('time', null, formatDate(ch.date)),
        badge(changeKindLabel(ch.kind), 'plain'),
        ' ',
        ...bi(changeFieldLabel(ch.field)),
        ` ${ch.from ?? '—'} → ${ch.to} · `,
        ...bi(changeReasonLabel(ch.reasonCategory)),
      ),
    ),
  );
}

/** The mark was re-signed after its key was revoked, and nobody has downloaded the new artwork yet. */
function reissuedCard(c: Certificate): HTMLElement | null {
  const r = c.markReissue;
  if (!r || r.downloadedAt) return null;
  return h(
    'section',
    { class: 'card warning', role: 'alert', 'data-mark-reissued': '', 'aria-labelledby': 'reissued-title' },
    h('h2', { id: 'reissued-title' }, ...bi(L.certificate.reissuedTitle)),
    h('p', null, ...bi(fill(L.certificate.reissuedNote, { kid: r.revokedKid, date: formatInstant(r.reissuedAt) }))),
  );
}

function downloads(c: Certificate): HTMLElement {
  const message = h('div', { class: 'form-message' });
  const at = { params: { number: c.number } };
  const item = (file: string, label: Msg, get: (saveAs: string) => Promise<ApiOutcome<null>>, saveAs = file) => {
    const button: HTMLButtonElement = hl(
      'button',
      { type: 'button', class: 'button', 'data-download': file },
      {
        click: () =>
          void busy(button, section, () => get(`${c.number}-${saveAs}`)).then((r) =>
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
    h('h2', { id: 'downloads-title' }, ...bi(L.certificate.downloads)),
    h(
      'ul',
      { class: 'inline-list' },
      item('star-mark.svg', L.certificate.starMarkSvg, (to) =>
        download('/v1/staff/certificates/{number}/star-mark.svg', to, at),
      ),
      item('star-mark.png', L.certificate.starMarkPng, (to) =>
        download('/v1/staff/certificates/{number}/star-mark.png', to, at),
      ),
      item('certificate.html', L.certificate.printable, (to) =>
        download('/v1/staff/certificates/{number}/certificate.html', to, at),
      ),
      item('certificate.pdf', L.certificate.pdf, (to) =>
        download('/v1/staff/certificates/{number}/certificate.pdf', to, at),
      ),
    ),
    h('h3', null, ...bi(L.certificate.printMark)),
    h('p', { class: 'hint' }, ...bi(L.certificate.printMarkHint)),
    h(
      'ul',
      { class: 'inline-list' },
      item('print-mark.svg', L.certificate.printMarkSvg, (to) =>
        download('/v1/staff/certificates/{number}/print-mark.svg', to, at),
      ),
      item('print-mark.pdf', L.certificate.printMarkPdf, (to) =>
        download('/v1/staff/certificates/{number}/print-mark.pdf', to, at),
      ),
      item(
        'print-mark.png?dpi=300',
        L.certificate.printMarkPng300,
        (to) =>
          download('/v1/staff/certificates/{number}/print-mark.png', to, { ...at, query: { dpi: '300' as const } }),
        'print-mark-300dpi.png',
      ),
      item(
        'print-mark.png?dpi=600',
        L.certificate.printMarkPng600,
        (to) =>
          download('/v1/staff/certificates/{number}/print-mark.png', to, { ...at, query: { dpi: '600' as const } }),
        'print-mark-600dpi.png',
      ),
    ),
    message,
  );
  return section;
}

export async function certificateView(ctx: ConsoleContext, main: HTMLElement, number: string): Promise<void> {
  replaceChildren(main, loading());
  const res = await apiGet('/v1/staff/certificates/{number}', { params: { number } });
  if (res.kind !== 'ok') return replaceChildren(main, problemBox(res));
  // The whole certificate as the API keeps it: the document names every field of it.
  const c: Certificate & Pick<CertificateAnswer, 'starMark'> = res.body;
  const people: People = res.body.people ?? {};
  const tone = c.status === 'valid' ? 'good' : c.status === 'suspended' ? 'warn' : 'bad';
  const facts = definitionList([
    [L.certificate.organization, [c.organization.name, ' ', h('code', null, c.organization.creditCode)]],
    [L.certificate.scope, c.scope],
    [L.certificate.level, [...bi(levelMsg(c.level)), ` · ${c.score.toFixed(1)}`]],
    [L.certificate.cycle, String(c.cycle)],
    [L.certificate.validity, `${formatDate(c.validFrom)} – ${formatDate(c.validUntil)}`],
    [L.certificate.lastSurveillance, formatDate(c.lastSurveillance)],
    [
      L.certificate.nextSurveillance,
      [
        formatDate(surveillanceDeadline(c)),
        c.surveillancePostponedUntil ? h('span', { class: 'muted' }, ` (${biText(L.postponed)})`) : null,
      ],
    ],
    [L.certificate.suspendedOn, formatDate(c.suspendedOn)],
    [L.certificate.evaluator, personOrDash(c.evaluatorSub, people)],
    [
      L.certificate.application,
      isLegacyApplicationId(c.applicationId)
        ? h('span', { 'data-imported': '' }, ...bi(L.certificate.imported))
        : h('a', { href: `#/case/${c.applicationId}` }, c.applicationId),
    ],
    [
      L.certificate.signedBy,
      c.tokenKid
        ? [
            h('code', { 'data-token-kid': '' }, c.tokenKid),
            c.tokenSignedAt
              ? h(
                  'span',
                  { 'data-token-signed-at': c.tokenSignedAt },
                  ' · ',
                  ...bi(fill(L.certificate.signedAt, { at: formatInstant(c.tokenSignedAt) })),
                )
              : null,
          ]
        : '—',
    ],
    [
      L.certificate.verifyPage,
      c.starMark
        ? h(
            'a',
            { href: c.starMark.url, 'data-verify-link': '', target: '_blank', rel: 'noopener' },
            ...bi(L.certificate.verifyOpen),
          )
        : h('span', { class: 'muted' }, ...bi(L.certificate.markNotPublished)),
    ],
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
        s.level ? [' · ', ...bi(levelMsg(s.level))] : null,
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
            ' · ',
            ...bi(outcomeLabel(s.outcome)),
            ' · ',
            personOf(s.evaluatorSub, people),
          ),
        ),
      )
    : h('p', { class: 'muted' }, ...bi(L.certificate.noSurveillance));
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
    reissuedCard(c),
    certificateAppealSection(c, ctx.user, res.body.appeals ?? []),
    renewalSection(ctx, c),
    pendingCard(c, people),
    pendingChangeCard(c, people),
    actionsPanel({ kind: 'certificate', record: c }, ctx.user, ctx.assignable, () => {
      ctx.notify(L.done);
      void certificateView(ctx, main, number);
    }),
    downloads(c),
    h(
      'section',
      { class: 'card' },
      h('h2', null, ...bi(L.certificate.statusHistory)),
      statusHistory,
      c.changes?.length ? h('h2', null, ...bi(L.certificate.changes)) : null,
      changeHistory(c),
      h('h2', null, ...bi(L.certificate.surveillances)),
      surveillances,
    ),
    await historySection('certificate', number),
  );
}
