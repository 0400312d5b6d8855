/**
 * Adding a file to a case from the console: the applicant's documents (before submission's review, on
 * resubmission), the evaluator's on-site evidence. The type is claimed from the bytes and the limits checked here
 * with the shared rules, so a file the API would refuse is refused before a byte moves; the bytes go straight to the
 * object store with progress, then the API confirms them. A broken attempt is resumed, not restarted: the same
 * upload is sent again and confirmed with the same Idempotency-Key, so a retry can never record the file twice.
 */
import {
  claimedTypeOf,
  DOCUMENT_KINDS,
  DOCUMENT_LIMITS,
  type DocumentContentType,
  SNIFF_BYTES,
  type UploadTicket,
} from '../../../../shared/case-documents';
import { h, replaceChildren } from '../../common/dom';
import type { Msg } from '../../common/i18n';
import { apiPost, newIdempotencyKey } from '../client';
import { fill, L } from '../messages';
import { bi, biText, field, problemBox } from '../ui';
import { putToStore, sha256Hex } from '../upload-transfer';

export const sizeText = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** One file on its way: what the retry needs to take it up where it broke off. */
interface Attempt {
  file: File;
  kind: (typeof DOCUMENT_KINDS)[number];
  contentType: DocumentContentType;
  sha256: string;
  requestKey: string;
  confirmKey: string;
  ticket?: UploadTicket;
  /** When the ticket came, by this browser's clock: its URL lives DOCUMENT_LIMITS.uploadUrlSeconds from then. */
  ticketAt: number;
  /** The store took the bytes for this ticket: only the confirmation is left. */
  sent: boolean;
}

/** A ticket that will not outlive the PUT is not worth trying: ask for a new one. */
const MARGIN_MS = 30_000;

export function uploadControl(id: string, purpose: 'application' | 'on-site-evidence', onAdded: () => void) {
  const input = h('input', { type: 'file', name: 'file', required: true }) as HTMLInputElement;
  const kinds = purpose === 'application' ? DOCUMENT_KINDS.filter((k) => k !== 'score-sheet') : DOCUMENT_KINDS;
  const kind = h(
    'select',
    { name: 'kind' },
    kinds.map((k) =>
      h(
        'option',
        { value: k, selected: k === (purpose === 'application' ? 'manual' : 'evidence') },
        biText(L.kinds[k]),
      ),
    ),
  ) as HTMLSelectElement;
  const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': biText(L.upload.sending) });
  const status = h('p', { class: 'upload-status', role: 'status' });
  const message = h('div', { class: 'form-message' });
  const send = h('button', { type: 'submit' }, ...bi(L.upload.send)) as HTMLButtonElement;
  const retry = h(
    'button',
    { type: 'button', hidden: true, 'data-retry': '' },
    ...bi(L.upload.retry),
  ) as HTMLButtonElement;
  const limits = fill(L.upload.limits, {
    file: sizeText(DOCUMENT_LIMITS.maxFileBytes),
    count: DOCUMENT_LIMITS.maxFilesPerCase,
    total: sizeText(DOCUMENT_LIMITS.maxTotalBytesPerCase),
  });
  const form = h(
    'form',
    { class: 'upload', 'data-upload': purpose, novalidate: true },
    h('h3', null, ...bi(L.upload.title)),
    field(L.upload.file, input, bi(limits)),
    field(L.upload.kind, kind),
    h('div', { class: 'actions' }, send, retry),
    progress,
    status,
    message,
  ) as HTMLFormElement;

  let attempt: Attempt | undefined;
  const say = (msg: Msg | null) => replaceChildren(status, msg ? bi(msg) : null);
  const refuse = (content: HTMLElement | Msg) =>
    replaceChildren(
      message,
      content instanceof HTMLElement ? content : h('p', { class: 'problem', role: 'alert' }, ...bi(content)),
    );
  const working = (on: boolean) => {
    send.disabled = on;
    retry.disabled = on;
    input.disabled = on;
    if (on) form.setAttribute('aria-busy', 'true');
    else form.removeAttribute('aria-busy');
  };
  const resumable = (msg: Msg) => {
    refuse(msg);
    retry.hidden = false;
  };
  const finish = () => {
    attempt = undefined;
    retry.hidden = true;
    progress.hidden = true;
  };

  async function prepare(): Promise<Attempt | undefined> {
    const file = input.files?.[0];
    if (!file) return void refuse(L.upload.noFile);
    if (file.size > DOCUMENT_LIMITS.maxFileBytes)
      return void refuse(fill(L.upload.tooLarge, { file: sizeText(DOCUMENT_LIMITS.maxFileBytes) }));
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    const contentType = claimedTypeOf(head, file.name);
    if (!contentType) return void refuse(L.upload.badType);
    say(L.upload.hashing);
    return {
      file,
      kind: kind.value as Attempt['kind'],
      contentType,
      sha256: await sha256Hex(file),
      requestKey: newIdempotencyKey(),
      confirmKey: newIdempotencyKey(),
      ticketAt: 0,
      sent: false,
    };
  }

  /** Takes the attempt as far as it goes; a step that broke off leaves it resumable. */
  async function carry(a: Attempt): Promise<void> {
    // By this browser's clock alone: the server's may differ, the URL's lifetime does not.
    if (!a.ticket || a.ticketAt + DOCUMENT_LIMITS.uploadUrlSeconds * 1000 - Date.now() < MARGIN_MS) {
      if (a.ticket) a.requestKey = newIdempotencyKey();
      const { file, kind: k, contentType, sha256 } = a;
      const asked = await apiPost(
        '/v1/staff/applications/{id}/documents/uploads',
        { name: file.name, kind: k, contentType, size: file.size, sha256 },
        a.requestKey,
        { params: { id } },
      );
      if (asked.kind === 'network') return resumable(L.network);
      if (asked.kind === 'problem') {
        finish();
        return refuse(problemBox(asked));
      }
      a.ticket = asked.body;
      a.ticketAt = Date.now();
      a.sent = false;
    }
    const ticket = a.ticket;
    if (!a.sent) {
      say(L.upload.sending);
      progress.hidden = false;
      progress.value = 0;
      const put = await putToStore(ticket, a.file, (sent, total) => {
        progress.value = total ? sent / total : 0;
      });
      if (put.kind === 'failed') return resumable(L.upload.failedTransfer);
      a.sent = true;
    }
    say(L.upload.confirming);
    const confirmed = await apiPost(
      '/v1/staff/applications/{id}/documents/uploads/{uploadId}/confirm',
      {},
      a.confirmKey,
      { params: { id, uploadId: ticket.uploadId } },
    );
    if (confirmed.kind === 'network') return resumable(L.network);
    if (confirmed.kind === 'problem') {
      // The bytes never reached the store after all: send them again, then confirm.
      if (confirmed.problem.code === 'UPLOAD_NOT_RECEIVED') {
        a.sent = false;
        retry.hidden = false;
        return refuse(problemBox(confirmed));
      }
      finish();
      return refuse(problemBox(confirmed));
    }
    finish();
    form.reset();
    say(fill(L.upload.done, { name: confirmed.body.name }));
    onAdded();
  }

  const run = async (resume: boolean) => {
    working(true);
    replaceChildren(message);
    try {
      if (!resume) attempt = await prepare();
      if (attempt) await carry(attempt);
      else say(null);
    } finally {
      working(false);
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(false);
  });
  retry.addEventListener('click', () => void run(true));
  // A new file is a new attempt: the one that broke off is dropped (its pending object expires).
  input.addEventListener('change', finish);
  return form;
}
