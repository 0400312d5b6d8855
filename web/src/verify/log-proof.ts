/**
 * The public log's word on the record shown: the inclusion proof the record carries, checked here on the device with
 * the shared core (shared/transparency-log) and the log's verifier key from /log/key. A proof that fails is a serious
 * warning; an entry not yet in a signed checkpoint says so ("pending") rather than claim anything.
 */
import type { PublicCertificate } from '../../../shared/public-record';
import type { LogCheck } from '../../../shared/transparency-log/public-proof';
import { h } from '../common/dom';
import { formatInstant } from '../common/format';
import { type Msg, t } from '../common/i18n';
import { M } from './messages';

export type LogView = LogCheck | { kind: 'unchecked' };

let key: Promise<string | undefined> | undefined;

/** The log's verifier key, fetched once per page load; a failed fetch is tried again next time. */
function logKey(): Promise<string | undefined> {
  key ??= fetch('/log/key', { cache: 'no-cache' })
    .then((res) => (res.ok ? res.text() : undefined))
    .catch(() => undefined)
    .then((text) => {
      if (!text) key = undefined;
      return text?.trim();
    });
  return key;
}

/** The checker (hashing, Ed25519, the entry's schema) loads only when a record carries a log claim: kept off the
 * page's first load. */
const checker = () => import('../../../shared/transparency-log/public-proof').then((m) => m.checkRecordInLog);

export async function checkLog(record: PublicCertificate): Promise<LogView> {
  if (record.log?.state === 'pending') return { kind: 'pending', index: record.log.index };
  if (record.log?.state === 'included') {
    const vkey = await logKey();
    if (!vkey) return { kind: 'unchecked' };
    return (await checker())(record, vkey);
  }
  return (await checker())(record, '');
}

function reason(check: Extract<LogCheck, { kind: 'failed' }>): string {
  const why: Partial<Record<typeof check.code, Msg>> = {
    NOT_INCLUDED: M.logWhyNotIncluded,
    BAD_SIGNATURE: M.logWhyBadSignature,
    UNKNOWN_KEY: M.logWhyBadSignature,
    WRONG_ORIGIN: M.logWhyBadSignature,
    NO_PROOF: M.logWhyNoProof,
    UNEXPLAINED_RECORD: M.logWhyUnexplained,
  };
  return t(why[check.code] ?? M.logWhyMalformed, { fields: (check.fields ?? []).join(', ') });
}

/** The note that states what the log proves about this record (data-log tells tests and styles which case). */
export function logNote(view: LogView): HTMLElement {
  if (view.kind === 'recorded')
    return h(
      'div',
      { class: 'note note-good log-proof', 'data-log': 'recorded', 'data-index': String(view.index) },
      h('p', {}, t(M.logRecorded, { index: view.index, time: formatInstant(view.checkpointAt) })),
      h('p', { class: 'small' }, t(M.logRecordedHint)),
    );
  if (view.kind === 'pending')
    return h('p', { class: 'note log-proof', 'data-log': 'pending' }, t(M.logPending, { index: view.index }));
  if (view.kind === 'unchecked') return h('p', { class: 'note log-proof', 'data-log': 'unchecked' }, t(M.logUnchecked));
  return h(
    'p',
    { class: 'note note-bad log-proof', role: 'alert', 'data-log': 'failed', 'data-code': view.code },
    t(M.logFailed, { reason: reason(view) }),
  );
}
