/**
 * A certificate's permalink, /c/<number>: its public record, or a message that says why it cannot be shown. The
 * message is kept as a function so that a language switch re-words it without asking the server again.
 */
import type { PublicCertificate } from '../../../shared/public-record';
import { h, replaceChildren } from '../common/dom';
import { t } from '../common/i18n';
import { apiGet } from '../common/typed-api';
import { certificateView } from './certificate-view';
import { certificationBody, storedBody } from './certification-body';
import { checkLog, type LogView, logNote } from './log-proof';
import { M } from './messages';
import { app, setTitle, settleFocus, type View } from './page';
import { filingOffer, newDraft } from './report-offer';
import { numberIn } from './search-view';
import { bodyFacts } from './verdict-view';

type Outcome =
  | { kind: 'loading' }
  | { kind: 'record'; record: PublicCertificate }
  | { kind: 'message'; text: () => string; hint?: () => string; unknownNumber?: string };

export function certificatePage(number: string, signal: AbortSignal): View {
  let outcome: Outcome = { kind: 'loading' };
  let log: LogView | null = null;
  // The log's note arrives after the record: it fills this slot alone, so focus and scroll stay where they are.
  const logSlot = h('div', { class: 'log-slot' });
  const renderLog = () => replaceChildren(logSlot, log ? logNote(log) : null);
  // A complaint about the holder, or a report of a number nobody holds: what was typed survives a re-render.
  const filing = newDraft();
  const render = () => {
    if (outcome.kind === 'record') {
      renderLog();
      const complaint = filingOffer({ kind: 'organization-complaint', number: outcome.record.number }, filing, render);
      replaceChildren(app(), certificateView(outcome.record), logSlot, complaint, bodyFacts(storedBody()), backHome());
      setTitle(outcome.record.organization.name, outcome.record.number);
      return settleFocus();
    }
    const text = outcome.kind === 'loading' ? t(M.loading) : outcome.text();
    const hint = outcome.kind === 'message' && outcome.hint ? outcome.hint() : null;
    replaceChildren(
      app(),
      h(
        'section',
        { class: 'card' },
        h('h1', { class: 'section-title' }, t(M.certificateTitle)),
        h('p', { role: 'status', class: outcome.kind === 'loading' ? 'muted' : 'message' }, text),
        hint && h('p', { class: 'muted' }, hint),
        outcome.kind === 'message' &&
          outcome.unknownNumber &&
          filingOffer(
            { kind: 'counterfeit-report', verdict: 'UNKNOWN_NUMBER', number: outcome.unknownNumber },
            filing,
            render,
          ),
      ),
      backHome(),
    );
    setTitle(number);
    if (outcome.kind !== 'loading') settleFocus();
  };
  const load = async () => {
    const canonical = numberIn(number);
    if (!canonical) {
      outcome = { kind: 'message', text: () => t(M.badNumber) };
      return render();
    }
    render();
    void certificationBody().then(() => !signal.aborted && outcome.kind === 'record' && render());
    const res = await apiGet('/v1/certificates/{number}', { params: { number: canonical } }, { signal });
    if (signal.aborted) return;
    if (res.kind === 'ok') {
      outcome = { kind: 'record', record: res.body };
      const record = res.body;
      void checkLog(record).then((view) => {
        if (signal.aborted || outcome.kind !== 'record' || outcome.record !== record) return;
        log = view;
        renderLog();
      });
    } else if (res.kind === 'problem' && res.status === 404)
      outcome = {
        kind: 'message',
        text: () => t(M.certNotFound, { number: canonical }),
        hint: () => t(M.certNotFoundHint),
        unknownNumber: canonical,
      };
    else if (res.kind === 'problem' && res.status === 400) outcome = { kind: 'message', text: () => t(M.badNumber) };
    else
      outcome = {
        kind: 'message',
        text: () => t(navigator.onLine === false || res.kind === 'network' ? M.offlineLookup : M.serverError),
      };
    render();
  };
  void load();
  return { render, settlesFocus: true };
}

function backHome(): HTMLElement {
  return h('p', { class: 'back' }, h('a', { href: '/', class: 'button' }, t(M.scanAnother)));
}
