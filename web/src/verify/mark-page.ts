/**
 * The star-mark view, /v#<token>: the signature is checked on the device at once with the keys it holds, so a
 * verdict shows even offline; the server's keys and the live status by number follow and refine it.
 */

import type { PublicCertificate } from '../../../shared/public-record';
import { getJson } from '../common/api';
import { type Child, h, replaceChildren } from '../common/dom';
import { t } from '../common/i18n';
import { combine, type KeySet, liveKeys, offlineKeys, storedKeys } from './keys';
import { M } from './messages';
import { app, type Navigate, setTitle, type View } from './page';
import { checkSignature } from './signature';
import { decide, type LiveStatus, type SignatureCheck } from './verdict';
import { verdictDetails, verdictPanel, verdictTitle } from './verdict-view';

interface MarkState {
  token: string;
  signature: SignatureCheck | null;
  live: LiveStatus;
  keys: { settled: boolean; fresh: boolean };
  checkedAt: Date;
  /** The host a QR scanned in the page pointed to, when it was not this site. */
  foreignHost?: string;
}

export function markView(
  token: string,
  foreignHost: string | undefined,
  signal: AbortSignal,
  navigate: Navigate,
): View {
  const state: MarkState = {
    token,
    signature: null,
    live: { state: 'pending' },
    keys: { settled: false, fresh: false },
    checkedAt: new Date(),
    ...(foreignHost ? { foreignHost } : {}),
  };
  const region = h('div', {
    id: 'verdict',
    class: 'verdict-region',
    role: 'status',
    'aria-live': 'polite',
    'aria-atomic': 'true',
  });
  const details = h('div', { class: 'verdict-more' });
  const heading = h('h1', { class: 'visually-hidden' });
  replaceChildren(
    app(),
    h('section', { class: 'mark-view', 'aria-labelledby': 'mark-heading' }, heading, region, details),
  );
  heading.id = 'mark-heading';

  const render = () => {
    const verdict = decide(state.signature, state.live, state.keys);
    heading.textContent = t(M.verdictLive);
    replaceChildren(region, verdictPanel(verdict));
    const extra: Child[] = [];
    if (state.foreignHost)
      extra.push(h('p', { class: 'note note-warn' }, t(M.foreignHost, { host: state.foreignHost })));
    replaceChildren(
      details,
      extra,
      verdictDetails(verdict, {
        checkedAt: state.checkedAt,
        onRetry: () => void run(),
        onScanAnother: () => navigate('/'),
      }),
    );
    setTitle(t(verdictTitle(verdict.kind)));
  };

  let running = false;
  const fetchStatus = async (number: string): Promise<void> => {
    const res = await getJson<PublicCertificate>(`/v1/certificates/${encodeURIComponent(number)}`, {
      signal,
      timeoutMs: 8000,
    });
    if (signal.aborted) return;
    if (res.kind === 'ok') state.live = { state: 'record', record: res.body };
    else if (res.kind === 'problem' && res.status === 404 && res.problem.code === 'NOT_FOUND')
      state.live = { state: 'not-found' };
    else state.live = { state: 'unreachable' };
    state.checkedAt = new Date();
    render();
  };

  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      state.checkedAt = new Date();
      state.live = { state: 'pending' };
      state.keys = { settled: false, fresh: false };
      render();
      // Known to be offline: no request is made, so nothing waits on a timeout.
      const online = navigator.onLine !== false;
      // The server's keys (new keys, revocations) are asked for at once, in parallel with the check below.
      const freshKeys: Promise<KeySet | null> = online ? liveKeys() : Promise.resolve(null);
      // 1. At once, with the keys this device holds (no network needed): stored, then the baked set if need be.
      let held = combine(storedKeys(), [], false);
      state.signature = await checkSignature(token, held, new Date());
      if (isUnknownKey(state.signature)) {
        held = await offlineKeys();
        if (signal.aborted) return;
        state.signature = await checkSignature(token, held, new Date());
      }
      if (signal.aborted) return;
      render();
      const statusOf = (sig: SignatureCheck | null) => {
        const number = claimsOf(sig)?.number;
        return number && online ? fetchStatus(number) : null;
      };
      // 2. The live status by number, while the keys are still on their way.
      let statusDone = statusOf(state.signature);
      const fresh = await freshKeys;
      if (signal.aborted) return;
      state.keys = { settled: true, fresh: fresh !== null };
      if (fresh) {
        const before = claimsOf(state.signature);
        state.signature = await checkSignature(token, fresh, new Date());
        if (claimsOf(state.signature) && !before) statusDone = statusOf(state.signature);
        if (!claimsOf(state.signature)) state.live = { state: 'pending' };
      }
      if (!online || (!statusDone && claimsOf(state.signature))) state.live = { state: 'unreachable' };
      render();
      if (statusDone && claimsOf(state.signature)) await statusDone;
    } finally {
      running = false;
    }
  };

  const onOnline = () => {
    const v = decide(state.signature, state.live, state.keys);
    if (v.kind === 'offline' || v.kind === 'unverifiable') void run();
  };
  window.addEventListener('online', onOnline);
  void run();
  return { render, dispose: () => window.removeEventListener('online', onOnline) };
}

/** The claims of an authentic mark, or undefined while nothing is proven. */
function claimsOf(signature: SignatureCheck | null) {
  return signature && signature !== 'unsupported' && signature.authentic ? signature.claims : undefined;
}

function isUnknownKey(signature: SignatureCheck): boolean {
  return signature !== 'unsupported' && signature.verdict === 'UNKNOWN_KEY';
}
