/** The verdict panel: one large, unmistakable answer, then the facts behind it. */

import type { CertificationBody } from '../../../shared/certification-body/schema';
import { certificatePagePath } from '../../../shared/pages';
import { STATUS_SNAPSHOT_STALE_AFTER_HOURS } from '../../../shared/status-snapshot/format';
import { type Child, h, hl, svg } from '../common/dom';
import { formatDate, formatInstant } from '../common/format';
import { type Msg, pick, t } from '../common/i18n';
import { statusLabel } from '../common/labels';
import { UNTRUSTED_REASONS } from '../common/verdict-reasons';
import { M } from './messages';
import { levelName, starLevel } from './stars';
import type { Verdict, VerdictKind } from './verdict';

const TITLES: Record<VerdictKind, Msg> = {
  checking: M.checking,
  valid: M.validTitle,
  suspended: M.suspendedTitle,
  withdrawn: M.withdrawnTitle,
  cancelled: M.cancelledTitle,
  expired: M.expiredTitle,
  counterfeit: M.counterfeitTitle,
  'key-withdrawn': M.keyWithdrawnTitle,
  offline: M.offlineTitle,
  unverifiable: M.unverifiableTitle,
};

const TEXTS: Partial<Record<VerdictKind, Msg>> = {
  valid: M.validText,
  suspended: M.suspendedText,
  withdrawn: M.withdrawnText,
  cancelled: M.cancelledText,
  expired: M.expiredText,
  counterfeit: M.counterfeitText,
  'key-withdrawn': M.keyWithdrawnText,
  offline: M.offlineText,
  unverifiable: M.unverifiableText,
};

/** The title of an answer: the verdict's headline, and the document's title while it shows. */
export function verdictTitle(kind: VerdictKind): Msg {
  return TITLES[kind];
}

/** Why a counterfeit is one, in the small print: the core's code in words. */
function untrustedReason(verdict: Verdict): Msg | null {
  const code = verdict.code;
  if (verdict.kind !== 'counterfeit' || !code || !(code in UNTRUSTED_REASONS)) return null;
  return UNTRUSTED_REASONS[code as keyof typeof UNTRUSTED_REASONS];
}

/** The icon of a tone: a tick, an exclamation mark, a cross, or a question mark / clock for the neutral states. */
function toneIcon(verdict: Verdict): SVGSVGElement {
  const paths: Record<string, string> = {
    good: 'M6.5 12.5l3.5 3.5 7.5-8',
    warn: 'M12 6.5v7M12 17.2v.3',
    bad: 'M7.5 7.5l9 9M16.5 7.5l-9 9',
    // No longer in force: a bar, not the counterfeit's cross.
    ended: 'M7 12h10',
    neutral:
      verdict.kind === 'checking' ? 'M12 7v5l3 2' : 'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.6v.6M12 17.2v.3',
  };
  return svg(
    'svg',
    { class: 'verdict-icon', viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
    svg('circle', { cx: '12', cy: '12', r: '10.5' }),
    svg('path', { d: paths[verdict.tone] ?? paths.neutral! }),
  );
}

function headline(verdict: Verdict): string {
  if (verdict.kind === 'checking' && verdict.authentic) return t(M.checkingStatus);
  if (verdict.asOf) {
    const time = formatInstant(verdict.asOf);
    if (verdict.kind === 'valid') return t(M.validAsOfTitle, { time });
    if (verdict.kind === 'suspended') return t(M.suspendedAsOfTitle, { time });
    return t(M.asOfTitle, { title: t(TITLES[verdict.kind]), time });
  }
  return t(TITLES[verdict.kind]);
}

/** The body that vouches for the marks, on every verdict; its report channel under a counterfeit. */
export function bodyFacts(body: CertificationBody | null): HTMLElement | null {
  if (!body) return null;
  const name = pick(body.name);
  return h(
    'div',
    { class: 'issuer', 'data-issuer': '' },
    h('p', { class: 'issuer-label muted small' }, t(M.issuedBy)),
    h('p', { class: 'issuer-name' }, name),
    h('p', { class: 'muted small' }, t(M.approvalNumber, { n: body.approvalNumber })),
    h('p', { class: 'muted small' }, pick(body.address)),
    h('p', { class: 'muted small' }, t(M.bodyContact, { tel: body.telephone, web: body.website })),
  );
}

function reportChannel(body: CertificationBody | null): HTMLElement | null {
  const report = body?.counterfeitReport;
  if (!report) return null;
  const items: Child[] = [];
  if (report.url)
    items.push(
      h('a', { class: 'button button-primary report-link', href: report.url, rel: 'noopener' }, t(M.reportOnline)),
    );
  if (report.telephone)
    items.push(
      h(
        'a',
        { class: 'report-tel', href: `tel:${report.telephone.replace(/[^+0-9]/g, '')}` },
        t(M.reportPhone, { tel: report.telephone }),
      ),
    );
  if (report.email)
    items.push(
      h('a', { class: 'report-email', href: `mailto:${report.email}` }, t(M.reportEmail, { email: report.email })),
    );
  return h('div', { class: 'report', 'data-report': '' }, h('p', { class: 'report-title' }, t(M.reportTitle)), items);
}

function bodyText(verdict: Verdict): string | null {
  if (verdict.kind === 'counterfeit' && verdict.code === 'UNKNOWN_NUMBER') return t(M.unknownNumberText);
  if (verdict.kind === 'valid' && verdict.asOf) return t(M.validAsOfText);
  const msg = TEXTS[verdict.kind];
  return msg ? t(msg) : null;
}

/** A definition list of label/value pairs; values are text. */
export function facts(rows: [Msg, Child][]): HTMLDListElement {
  return h(
    'dl',
    { class: 'facts' },
    rows.map(([label, value]) => h('div', { class: 'fact' }, h('dt', null, t(label)), h('dd', null, value))),
  );
}

export interface VerdictViewOptions {
  checkedAt: Date;
  body?: CertificationBody | null;
  onRetry?: () => void;
  onScanAnother?: () => void;
}

/**
 * The panel itself (live region content) and the details below it. The caller keeps one role=status element on the
 * page and replaces its content, so screen readers announce each new verdict once.
 */
export function verdictPanel(verdict: Verdict): HTMLElement {
  const text = bodyText(verdict);
  return h(
    'div',
    { class: ['verdict', `tone-${verdict.tone}`, `verdict-${verdict.kind}`], 'data-verdict': verdict.kind },
    toneIcon(verdict),
    h(
      'div',
      { class: 'verdict-words' },
      h('p', { class: 'verdict-title' }, headline(verdict)),
      text && h('p', { class: 'verdict-text' }, text),
    ),
    verdict.kind === 'counterfeit' && h('p', { class: 'verdict-advice' }, t(M.counterfeitAdvice)),
  );
}

export function verdictDetails(verdict: Verdict, options: VerdictViewOptions): HTMLElement {
  const notes: Child[] = [];
  if (verdict.levelChanged) {
    notes.push(
      h(
        'p',
        { class: 'note note-warn' },
        t(M.levelChanged, {
          printed: levelName(verdict.levelChanged.printed),
          now: levelName(verdict.levelChanged.now),
        }),
      ),
    );
  }
  if (verdict.renewed)
    notes.push(
      h('p', { class: 'note' }, t(M.renewedNote, { printed: verdict.renewed.printed, now: verdict.renewed.now })),
    );
  if (verdict.printedExpired && verdict.claims)
    notes.push(
      h('p', { class: 'note note-warn' }, t(M.printedExpired, { date: formatDate(verdict.claims.validUntil) })),
    );
  if (verdict.asOf && !verdict.staleSince)
    notes.push(
      h('p', { class: 'note', 'data-as-of': verdict.asOf }, t(M.asOfNote, { time: formatInstant(verdict.asOf) })),
    );
  if (verdict.staleSince)
    notes.push(
      h(
        'p',
        { class: 'note note-warn', 'data-stale': verdict.staleSince },
        t(M.staleSnapshot, {
          time: formatInstant(verdict.staleSince),
          days: Math.round(STATUS_SNAPSHOT_STALE_AFTER_HOURS / 24),
        }),
      ),
    );
  if (verdict.snapshotRefused) notes.push(h('p', { class: 'note note-warn' }, t(M.snapshotRefused)));
  const withdrawnKey = verdict.withdrawnKey;
  if (verdict.kind === 'key-withdrawn' && withdrawnKey) {
    if (withdrawnKey.revokedOn)
      notes.push(
        h(
          'p',
          { class: 'note note-warn' },
          t(M.keyWithdrawnOn, { kid: withdrawnKey.kid ?? '', date: formatDate(withdrawnKey.revokedOn.slice(0, 10)) }),
        ),
      );
    if (withdrawnKey.number)
      notes.push(
        h(
          'p',
          { class: 'note' },
          t(verdict.record ? M.keyWithdrawnRecord : M.keyWithdrawnOffline, { number: withdrawnKey.number }),
        ),
      );
  }
  const reason = untrustedReason(verdict);
  if (reason) notes.push(h('p', { class: 'note small' }, t(M.technicalReason, { reason: t(reason) })));

  const record = verdict.record;
  const claims = verdict.claims;
  const showFacts = verdict.kind !== 'counterfeit' && (record || claims);
  // Stars only for a certificate in force (or about to be shown as one): an ended one, a forgery, a mark that
  // cannot prove itself show none.
  const starred = ['valid', 'suspended', 'offline', 'checking'].includes(verdict.kind);
  const rows: [Msg, Child][] = [];
  if (showFacts) {
    const number = record?.number ?? claims?.number ?? '';
    rows.push([M.certificateNumber, h('span', { class: 'mono' }, number)]);
    if (record) {
      rows.push([
        M.organization,
        h(
          'span',
          null,
          record.organization.name,
          record.organization.nameEn ? h('span', { class: 'sub', lang: 'en' }, record.organization.nameEn) : null,
        ),
      ]);
      rows.push([M.status, h('span', { class: ['badge', `badge-${record.status}`] }, t(statusLabel(record.status)))]);
      rows.push([M.validUntil, formatDate(record.validUntil)]);
    } else if (claims) {
      rows.push([M.printedValidUntil, formatDate(claims.validUntil)]);
    }
  }

  const actions: Child[] = [];
  const number = record?.number ?? (verdict.kind !== 'counterfeit' ? claims?.number : undefined);
  if (number && record)
    actions.push(h('a', { class: 'button button-primary', href: certificatePagePath(number) }, t(M.viewCertificate)));
  if ((verdict.kind === 'offline' || verdict.kind === 'unverifiable') && options.onRetry) {
    actions.push(
      hl('button', { type: 'button', class: 'button button-primary' }, { click: options.onRetry }, t(M.retry)),
    );
  }
  if (options.onScanAnother)
    actions.push(hl('button', { type: 'button', class: 'button' }, { click: options.onScanAnother }, t(M.scanAnother)));

  return h(
    'div',
    { class: 'verdict-details' },
    verdict.level && starred && starLevel(verdict.level),
    notes,
    rows.length > 0 && facts(rows),
    record &&
      (verdict.kind === 'valid' || verdict.kind === 'suspended' || verdict.kind === 'key-withdrawn') &&
      h('p', { class: 'muted small' }, t(M.compareOrganization)),
    verdict.kind === 'counterfeit' && reportChannel(options.body ?? null),
    bodyFacts(options.body ?? null),
    h('p', { class: 'checked-at' }, t(M.checkedAt, { time: formatInstant(options.checkedAt) })),
    actions.length > 0 && h('div', { class: 'actions' }, actions),
  );
}
