/**
 * The star-mark view, /v#<token>: the signature is checked on the device at once with the keys it holds, so a
 * verdict shows even offline; the server's keys and the live status by number follow and refine it.
 */

import { base64url } from 'jose';
import type { CertificationBody } from '../../../shared/certification-body/schema';
import { decodeClaims } from '../../../shared/star-mark/claims';
import { type Child, h, replaceChildren } from '../common/dom';
import { t } from '../common/i18n';
import { apiGet } from '../common/typed-api';
import { certificationBody, storedBody } from './certification-body';
import { combine, type KeySet, liveKeys, offlineKeys, storedKeys, withRevoked } from './keys';
import { checkLog, type LogView, logNote } from './log-proof';
import { M } from './messages';
import { app, type Navigate, setTitle, type View } from './page';
import { type FilingDraft, filingOffer, newDraft, reportableVerdict } from './report-offer';
import { checkSignature } from './signature';
import { fetchSnapshot, latestSnapshot, type SnapshotState } from './status-snapshot';
import { decide, type LiveStatus, type SignatureCheck, type Verdict } from './verdict';
import { verdictDetails, verdictPanel, verdictTitle } from './verdict-view';

/** How long the live record is waited for before the verdict is the status snapshot's (the worker's own wait). */
const LIVE_PATIENCE_MS = 3000;

interface MarkState {
  token: string;
  signature: SignatureCheck | null;
  live: LiveStatus;
  keys: { settled: boolean; fresh: boolean };
  snapshot: SnapshotState;
  /** A mark whose key was revoked: the number it names (unproven) and the revocation's date. */
  withdrawn: { number?: string; revokedOn?: string };
  body: CertificationBody | null;
  checkedAt: Date;
  /** The host a QR scanned in the page pointed to, when it was not this site. */
  foreignHost?: string;
  /** What the public log proves about the live record (checked on the device), once it is known. */
  log?: LogView;
  /** A report of this mark being written: kept across re-renders. */
  filing: FilingDraft;
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
    snapshot: { state: 'none' },
    withdrawn: {},
    body: storedBody(),
    checkedAt: new Date(),
    ...(foreignHost ? { foreignHost } : {}),
    filing: newDraft(),
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

  const current = () => decide(state.signature, state.live, state.keys, state.snapshot, state.withdrawn);
  const render = () => {
    const verdict = current();
    heading.textContent = t(M.verdictLive);
    replaceChildren(region, verdictPanel(verdict));
    const extra: Child[] = [];
    if (state.foreignHost)
      extra.push(h('p', { class: 'note note-warn' }, t(M.foreignHost, { host: state.foreignHost })));
    if (state.log && state.live.state === 'record') extra.push(logNote(state.log));
    replaceChildren(
      details,
      extra,
      verdictDetails(verdict, {
        checkedAt: state.checkedAt,
        body: state.body,
        onRetry: () => void run(),
        onScanAnother: () => navigate('/'),
      }),
      reportOffer(verdict, state, render),
    );
    setTitle(t(verdictTitle(verdict.kind)));
  };

  let running = false;
  /** The live record by number, applied only while it is still the one asked for. */
  const fetchStatus = async (number: string): Promise<void> => {
    const res = await apiGet('/v1/certificates/{number}', { params: { number } }, { signal, timeoutMs: 8000 });
    if (signal.aborted) return;
    if (res.kind === 'ok') {
      state.live = { state: 'record', record: res.body };
      delete state.log;
      const record = res.body;
      void checkLog(record).then((view) => {
        if (signal.aborted || state.live.state !== 'record' || state.live.record !== record) return;
        state.log = view;
        render();
      });
    } else if (res.kind === 'problem' && res.status === 404 && res.problem.code === 'NOT_FOUND')
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
      state.snapshot = { state: 'pending' };
      state.withdrawn = {};
      render();
      // Known to be offline: no request is made, so nothing waits on a timeout.
      const online = navigator.onLine !== false;
      // Everything the verdict may need is asked for at once, in parallel: the server's keys (new keys,
      // revocations), the signed status snapshot, the certification body and — by the number the mark names, read
      // before it is proven — the live record. The record is a public read; it counts only once the signature
      // proves that number (decide() never takes a record for an unproven mark).
      const freshKeys: Promise<KeySet | null> = online ? liveKeys() : Promise.resolve(null);
      const snapshotText = fetchSnapshot(online);
      // Offline, the verdict needs the sets this device holds (baked, the worker's copy of the server's): read at
      // once with the rest, not after a first check with the stored set. Online they are read only for a key the
      // stored set lacks, since the worker would ask the network for them.
      const deviceKeys = online ? null : offlineKeys();
      void certificationBody().then((body) => {
        if (signal.aborted || !body) return;
        state.body = body;
        render();
      });
      const named = namedNumber(token);
      const statusDone = online && named ? fetchStatus(named) : null;
      // A network that is up but dead answers nothing: after a while the verdict is the snapshot's, as offline,
      // and the live record replaces it if it still comes.
      const patience = setTimeout(() => {
        if (signal.aborted || state.live.state !== 'pending' || !claimsOf(state.signature)) return;
        state.live = { state: 'unreachable' };
        render();
      }, LIVE_PATIENCE_MS);
      void statusDone?.finally(() => clearTimeout(patience));
      // 1. At once, with the keys this device holds (no network needed): stored, then every set it has if need be.
      let held = combine(storedKeys(), [], false);
      let signature = online ? await checkSignature(token, held, new Date()) : null;
      if (!signature || isUnknownKey(signature)) {
        held = await (deviceKeys ?? offlineKeys());
        if (signal.aborted) return;
        signature = await checkSignature(token, held, new Date());
      }
      state.signature = signature;
      if (signal.aborted) return;
      render();
      // 2. The server's keys (or, offline, the ones held): the signature checked again, revocations in.
      const fresh = await freshKeys;
      if (signal.aborted) return;
      state.keys = { settled: true, fresh: fresh !== null };
      const keys = fresh ?? held;
      if (fresh) state.signature = await checkSignature(token, keys, new Date());
      const settle = () => {
        if (isRevoked(state.signature)) {
          const number = withdrawnNumber(state.signature, token);
          const revokedOn = revocationDate(keys, state.signature);
          state.withdrawn = { ...(number ? { number } : {}), ...(revokedOn ? { revokedOn } : {}) };
        }
        // The live record never comes offline, nor when the mark names no number to ask for.
        if (!statusDone && claimsOf(state.signature)) state.live = { state: 'unreachable' };
      };
      settle();
      if (signal.aborted) return;
      render();
      // 3. The signed status snapshot: what tells the status offline (and keeps the device's copy fresh online).
      state.snapshot = await latestSnapshot(keys, await snapshotText);
      if (signal.aborted) return;
      const revokedBySnapshot = 'ok' in state.snapshot && state.snapshot.ok ? state.snapshot.snapshot.revokedKeys : [];
      if (revokedBySnapshot.length)
        state.signature = await checkSignature(token, withRevoked(keys, revokedBySnapshot), new Date());
      settle();
      if (signal.aborted) return;
      render();
      if (statusDone) await statusDone;
    } finally {
      running = false;
    }
  };

  const onOnline = () => {
    const v = current();
    if (v.kind === 'offline' || v.kind === 'unverifiable' || v.asOf || v.staleSince) void run();
  };
  window.addEventListener('online', onOnline);
  void run();
  return { render, dispose: () => window.removeEventListener('online', onOnline) };
}

/** "Report this mark" where the verdict offers it, with the token as scanned. */
function reportOffer(verdict: Verdict, state: MarkState, render: () => void): HTMLElement | null {
  const reportable = reportableVerdict(verdict);
  if (!reportable) return null;
  const number = verdict.record?.number ?? verdict.claims?.number ?? state.withdrawn.number;
  const { token } = state;
  return filingOffer(
    { kind: 'counterfeit-report', verdict: reportable, ...(token ? { token } : {}), ...(number ? { number } : {}) },
    state.filing,
    render,
  );
}

/** The claims of an authentic mark, or undefined while nothing is proven. */
function claimsOf(signature: SignatureCheck | null) {
  return signature && signature !== 'unsupported' && signature.authentic ? signature.claims : undefined;
}

function isUnknownKey(signature: SignatureCheck): boolean {
  return signature !== 'unsupported' && signature.verdict === 'UNKNOWN_KEY';
}

function isRevoked(signature: SignatureCheck | null): boolean {
  return !!signature && signature !== 'unsupported' && signature.verdict === 'REVOKED_KEY';
}

/** The number a mark names, read from its payload before anything is proven: only to ask the register. */
function namedNumber(token: string): string | undefined {
  try {
    const payload = token.split('.')[1] ?? '';
    const text = new TextDecoder().decode(base64url.decode(payload));
    return decodeClaims(text)?.number;
  } catch {
    return undefined;
  }
}

/** The number a mark signed by a revoked key names: read, not proven — shown only to look the register up. */
function withdrawnNumber(signature: SignatureCheck | null, token: string): string | undefined {
  return isRevoked(signature) ? namedNumber(token) : undefined;
}

function revocationDate(keys: KeySet, signature: SignatureCheck | null): string | undefined {
  const kid = signature && signature !== 'unsupported' ? signature.kid : undefined;
  const entry = keys.revoked.find((r) => r.kid === kid) as { revoked?: unknown } | undefined;
  return typeof entry?.revoked === 'string' ? entry.revoked : undefined;
}
