/** The certificate as the public record shows it: everything GET /v1/certificates/{number} answers, as text. */
import { certificatePagePath } from '../../../shared/pages';
import type { PublicCertificate } from '../../../shared/public-record';
import { h, hl } from '../common/dom';
import { formatDate, formatInstant } from '../common/format';
import { type Msg, t } from '../common/i18n';
import {
  changeFieldLabel,
  changeKindLabel,
  changeReasonLabel,
  reasonLabel,
  STATUS_TONES,
  statusLabel,
} from '../common/labels';
import { M } from './messages';
import { isStarLevel, levelName, starLevel } from './stars';
import { facts } from './verdict-view';

export function permalinkOf(number: string): string {
  return `${location.origin}${certificatePagePath(number)}`;
}

function copyButton(link: string): HTMLButtonElement {
  const button = hl(
    'button',
    { type: 'button', class: 'button button-small' },
    {
      click: () => {
        void navigator.clipboard?.writeText(link).then(
          () => {
            button.textContent = t(M.copied);
            setTimeout(() => (button.textContent = t(M.copyLink)), 2000);
          },
          () => undefined,
        );
      },
    },
    t(M.copyLink),
  );
  return button;
}

/** The change history (变更), newest first: the day, what changed, old → new where it is public, and why. */
function changesSection(changes: PublicCertificate['changes']): HTMLElement | null {
  if (!changes.length) return null;
  return h(
    'section',
    { class: 'history changes', 'aria-labelledby': 'changes-heading' },
    h('h2', { id: 'changes-heading' }, t(M.changes)),
    h(
      'ol',
      { class: 'timeline' },
      [...changes]
        .reverse()
        .map((change) =>
          h(
            'li',
            { class: 'timeline-item change', 'data-kind': change.kind },
            h('time', { datetime: change.date }, formatDate(change.date)),
            h('span', { class: 'badge' }, t(changeKindLabel(change.kind))),
            h('span', { class: 'change-field' }, t(changeFieldLabel(change.field))),
            change.to === undefined
              ? h('span', { class: 'change-values muted' }, t(M.changeNotPublic))
              : h(
                  'span',
                  { class: 'change-values' },
                  h('del', null, change.from ?? t(M.none)),
                  ' → ',
                  h('ins', null, change.to),
                ),
            h('span', { class: 'timeline-reason' }, t(changeReasonLabel(change.reasonCategory))),
          ),
        ),
    ),
  );
}

export function certificateView(record: PublicCertificate): HTMLElement {
  const formerNames = record.organization.formerNames ?? [];
  const tone = STATUS_TONES[record.status] ?? 'bad';
  const link = permalinkOf(record.number);
  const history = [...record.statusHistory].reverse();
  return h(
    'article',
    { class: 'certificate', 'aria-labelledby': 'cert-heading' },
    h(
      'header',
      { class: ['cert-head', `tone-${tone}`] },
      h('p', { class: 'cert-kicker' }, t(M.certificateTitle), ' · ', h('span', { class: 'mono' }, record.number)),
      h('h1', { id: 'cert-heading', class: 'cert-org' }, record.organization.name),
      record.organization.nameEn && h('p', { class: 'cert-org-en', lang: 'en' }, record.organization.nameEn),
      h(
        'p',
        { class: 'cert-status' },
        h('span', { class: ['badge', `badge-${record.status}`] }, t(statusLabel(record.status))),
      ),
    ),
    h('div', { class: 'cert-level' }, starLevel(record.level)),
    facts([
      [M.certificateNumber, h('span', { class: 'mono' }, record.number)],
      ...(formerNames.length ? [[M.formerNames, formerNames.join('；')] as [Msg, string]] : []),
      [M.creditCode, h('span', { class: 'mono' }, record.organization.creditCode)],
      [M.scope, record.scope],
      [M.level, levelName(record.level)],
      [M.scoreBand, record.scoreBand],
      [M.status, t(statusLabel(record.status))],
      [M.validFrom, formatDate(record.validFrom)],
      [M.validUntil, formatDate(record.validUntil)],
      [M.cycle, t(M.cycleN, { n: record.cycle })],
      [M.lastSurveillance, record.lastSurveillance ? formatDate(record.lastSurveillance) : t(M.none)],
      [M.nextSurveillance, record.nextSurveillance ? formatDate(record.nextSurveillance) : t(M.none)],
    ]),
    h(
      'section',
      { class: 'history', 'aria-labelledby': 'history-heading' },
      h('h2', { id: 'history-heading' }, t(M.history)),
      h(
        'ol',
        { class: 'timeline' },
        history.map((entry) =>
          h(
            'li',
            { class: ['timeline-item', `timeline-${STATUS_TONES[entry.status] ?? 'bad'}`] },
            h('time', { datetime: entry.date }, formatDate(entry.date)),
            h('span', { class: ['badge', `badge-${entry.status}`] }, t(statusLabel(entry.status))),
            h('span', { class: 'timeline-reason' }, t(reasonLabel(entry.reasonCategory))),
            entry.level && isStarLevel(entry.level) && h('span', { class: 'timeline-level' }, levelName(entry.level)),
          ),
        ),
      ),
    ),
    // A record cached before change histories were published has none.
    changesSection(record.changes ?? []),
    h(
      'section',
      { class: 'permalink', 'aria-labelledby': 'permalink-heading' },
      h('h2', { id: 'permalink-heading' }, t(M.permalink)),
      h('p', { class: 'permalink-row' }, h('a', { class: 'mono permalink-url', href: link }, link), copyButton(link)),
      h('p', { class: 'checked-at' }, t(M.asOf, { time: formatInstant(record.asOf) })),
    ),
  );
}
