/**
 * The report and complaint form itself, loaded only when a reader opens it (report-offer.ts): the fields, the
 * proof of work solved on the device before sending (shared/complaints, the code the function checks with), and
 * the reference once filed. The values live in the caller's draft, so a re-render keeps what was typed.
 */
import type { SeenAtKind } from '../../../shared/complaints/kinds';
import { photoTypeOf, REPORT_PHOTO } from '../../../shared/complaints/photo';
import { solveProof } from '../../../shared/complaints/proof-of-work';
import { COMPLAINT_SETTINGS, INTAKE_LIMITS } from '../../../shared/complaints/settings';
import { h, hl } from '../common/dom';
import type { Msg } from '../common/i18n';
import { R } from './report-messages';
import type { FilingDraft, FilingSubject, FormKit } from './report-offer';

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

function bodyOf(subject: FilingSubject, d: FilingDraft) {
  const contact = optional(d.contact);
  const description = optional(d.description);
  if (subject.kind === 'organization-complaint')
    return { kind: subject.kind, number: subject.number, description: d.description.trim(), contact };
  const seenAt = {
    kind: d.seen,
    place: optional(d.place),
    link: d.seen === 'online' ? optional(d.link) : undefined,
    city: optional(d.city),
  };
  // A token absurdly long is not a star mark: its start is enough to know what was scanned.
  const token = subject.token?.slice(0, INTAKE_LIMITS.maxTokenChars);
  return { ...subject, token, seenAt, description, contact };
}

const PHOTO_MB = REPORT_PHOTO.maxBytes / (1024 * 1024);

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the filing declares of the chosen photo, or why it is not sent: the limit and the type the API applies. */
async function declaredPhoto(file: File) {
  if (file.size > REPORT_PHOTO.maxBytes) return R.reportPhotoTooLarge;
  const bytes = await file.arrayBuffer();
  const contentType = photoTypeOf(new Uint8Array(bytes));
  if (!contentType) return R.reportPhotoNotImage;
  return { declared: { contentType, size: file.size, sha256: await sha256Hex(bytes) }, bytes };
}

/** The photo to the store through the filing's presigned URL (its signed headers as given), then confirmed. */
async function attachPhoto(
  kit: FormKit,
  id: string,
  upload: { url: string; headers: Record<string, string>; secret: string },
  photo: { declared: { contentType: string }; bytes: ArrayBuffer },
): Promise<'attached' | 'failed'> {
  // Content-Length is the browser's to set, from the body; the signature binds it to the declared size.
  const headers = Object.fromEntries(
    Object.entries(upload.headers).filter(([n]) => n.toLowerCase() !== 'content-length'),
  );
  const put = await fetch(upload.url, { method: 'PUT', headers, body: photo.bytes }).catch(() => undefined);
  if (!put?.ok) return 'failed';
  const confirmed = await kit.apiPost(
    '/v1/reports/{matterId}/photo',
    { secret: upload.secret },
    { params: { matterId: id } },
  );
  return confirmed.kind === 'ok' ? 'attached' : 'failed';
}

/** Lets the page paint between batches of hashing: the button says it is working while it works. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function send(subject: FilingSubject, d: FilingDraft, kit: FormKit): Promise<FilingDraft['status']> {
  const { apiGet, apiPost, problemTitle, serverError } = kit;
  const photo = d.photo && subject.kind !== 'organization-complaint' ? await declaredPhoto(d.photo) : undefined;
  if (photo && !('declared' in photo)) {
    d.invalid = ['photo'];
    return { state: 'failed', why: photo };
  }
  const challenge = await apiGet('/v1/reports/challenge');
  if (challenge.kind === 'network') return { state: 'failed', why: R.reportOffline };
  if (challenge.kind === 'problem') return { state: 'failed', why: problemTitle(challenge.problem) ?? serverError };
  const proof = await solveProof(challenge.body.challenge, challenge.body.bits, { onProgress: yieldToPage });
  // The body is built from the form; the API's own schema (shared/complaints) is what judges it.
  const body = { ...bodyOf(subject, d), proof, ...(photo ? { photo: photo.declared } : {}) };
  const filed = await apiPost('/v1/reports', body as never);
  if (filed.kind === 'ok') {
    const upload = filed.body.photoUpload;
    if (!photo || !upload) return { state: 'sent', id: filed.body.id };
    return { state: 'sent', id: filed.body.id, photo: await attachPhoto(kit, filed.body.id, upload, photo) };
  }
  if (filed.kind === 'network') return { state: 'failed', why: R.reportOffline };
  d.invalid = (filed.problem.errors ?? []).map((e) => e.path.replace(/^body\./, ''));
  return { state: 'failed', why: problemTitle(filed.problem) ?? serverError };
}

function field(
  kit: FormKit,
  d: FilingDraft,
  name: 'place' | 'link' | 'city' | 'description' | 'contact',
  label: Msg,
  max: number,
  options: { type?: string; multiline?: boolean; path?: string; required?: boolean } = {},
): HTMLElement {
  const id = `filing-${name}`;
  const props = {
    id,
    name,
    class: 'input',
    maxlength: String(max),
    'aria-invalid': d.invalid.includes(options.path ?? name) ? 'true' : null,
    required: options.required ?? null,
  };
  const onInput = { input: (e: Event) => (d[name] = (e.target as HTMLInputElement).value) };
  const control = options.multiline
    ? hl('textarea', { ...props, rows: '3' }, onInput)
    : hl('input', { ...props, type: options.type ?? 'text', autocomplete: 'off' }, onInput);
  control.value = d[name];
  return h('div', { class: 'filing-field' }, h('label', { class: 'label', for: id }, kit.t(label)), control);
}

/** The optional photo: its limit stated; the file is read only when the report is sent. */
function photoField(kit: FormKit, d: FilingDraft): HTMLElement {
  const control = hl(
    'input',
    {
      id: 'filing-photo',
      name: 'photo',
      type: 'file',
      class: 'input',
      accept: 'image/jpeg,image/png,image/webp,image/heic',
      'aria-invalid': d.invalid.includes('photo') ? 'true' : null,
    },
    { change: (e: Event) => (d.photo = (e.target as HTMLInputElement).files?.[0] ?? null) },
  );
  return h(
    'div',
    { class: 'filing-field' },
    h('label', { class: 'label', for: 'filing-photo' }, kit.t(R.reportPhoto, { mb: PHOTO_MB })),
    control,
  );
}

function seenChoice(kit: FormKit, d: FilingDraft, rerender: () => void): HTMLElement {
  const { t } = kit;
  const choices: [SeenAtKind, Msg][] = [
    ['shop', R.seenShop],
    ['online', R.seenOnline],
    ['other', R.seenOther],
  ];
  return h(
    'fieldset',
    { class: 'filing-seen' },
    h('legend', { class: 'label' }, t(R.seenWhere)),
    choices.map(([kind, label]) => {
      const radio = hl(
        'input',
        { type: 'radio', name: 'seen', value: kind, id: `filing-seen-${kind}` },
        {
          change: () => {
            d.seen = kind;
            rerender();
          },
        },
      );
      radio.checked = d.seen === kind;
      return h('label', { class: 'filing-choice', for: `filing-seen-${kind}` }, radio, t(label));
    }),
  );
}

function statusLine(kit: FormKit, d: FilingDraft): HTMLElement {
  const { t, pick } = kit;
  const s = d.status;
  const text =
    s.state === 'sending'
      ? t(R.reportWorking)
      : s.state === 'sent'
        ? [
            t(R.reportSent, { id: s.id }),
            s.photo ? ` ${t(s.photo === 'attached' ? R.reportPhotoAttached : R.reportPhotoFailed)}` : '',
          ].join('')
        : s.state === 'failed'
          ? t(R.reportFailed, { reason: pick(s.why) })
          : '';
  return h(
    'p',
    { class: ['filing-status', s.state === 'failed' && 'note-warn'], role: 'status', 'data-filing': s.state },
    text,
  );
}

/** The opened form (or, once sent, its reference); `rerender` redraws the caller's view, draft included. */
export function filingForm(subject: FilingSubject, d: FilingDraft, rerender: () => void, kit: FormKit): HTMLElement {
  const { t } = kit;
  const complaint = subject.kind === 'organization-complaint';
  if (d.status.state === 'sent')
    return h('section', { class: 'filing', 'data-filing-form': subject.kind }, statusLine(kit, d));
  const fields = complaint
    ? [
        field(kit, d, 'description', R.complaintDescription, INTAKE_LIMITS.maxDescriptionChars, {
          multiline: true,
          required: true,
        }),
      ]
    : [
        seenChoice(kit, d, rerender),
        field(kit, d, 'place', R.seenPlace, INTAKE_LIMITS.maxPlaceChars, { path: 'seenAt.place' }),
        d.seen === 'online' &&
          field(kit, d, 'link', R.seenLink, INTAKE_LIMITS.maxLinkChars, {
            type: 'url',
            path: 'seenAt.link',
            required: true,
          }),
        field(kit, d, 'city', R.seenCity, INTAKE_LIMITS.maxCityChars, { path: 'seenAt.city' }),
        field(kit, d, 'description', R.reportDescription, INTAKE_LIMITS.maxDescriptionChars, { multiline: true }),
        photoField(kit, d),
      ];
  const sending = d.status.state === 'sending';
  return hl(
    'form',
    { class: 'filing', 'data-filing-form': subject.kind, novalidate: true },
    {
      submit: (event: SubmitEvent) => {
        event.preventDefault();
        if (sending) return;
        d.status = { state: 'sending' };
        d.invalid = [];
        rerender();
        void send(subject, d, kit).then((status) => {
          d.status = status;
          rerender();
        });
      },
    },
    h('h2', { class: 'filing-title' }, t(complaint ? R.complaintFormTitle : R.reportFormTitle)),
    h('p', { class: 'muted small' }, t(complaint ? R.complaintIntro : R.reportIntro)),
    fields,
    field(kit, d, 'contact', R.reportContact, INTAKE_LIMITS.maxContactChars, { type: 'text' }),
    h(
      'p',
      { class: 'muted small filing-privacy' },
      t(R.reportPrivacy, { years: Math.round(COMPLAINT_SETTINGS.retentionDays / 365) }),
      complaint ? '' : ` ${t(R.reportPhotoKept, { years: Math.round(COMPLAINT_SETTINGS.retentionDays / 365) })}`,
    ),
    h(
      'button',
      { type: 'submit', class: 'button button-primary', disabled: sending, 'aria-busy': sending ? 'true' : null },
      t(sending ? R.reportWorking : R.reportSubmit),
    ),
    statusLine(kit, d),
  );
}
