/**
 * "Report this mark" under a verdict that says the mark proves nothing (or no longer does), and "complain about this
 * organization" on a certificate's page: a button on first paint, and the form (report-form.ts, with its words and
 * the proof-of-work solver) loaded only when it is pressed, so the verdict itself loads no heavier. The draft the
 * caller keeps holds what was typed across re-renders.
 */
import { isReportable, type ReportableVerdict, type SeenAtKind } from '../../../shared/complaints/kinds';
import { problemTitle } from '../common/api';
import { h, hl } from '../common/dom';
import { type Msg, pick, t } from '../common/i18n';
import { apiGet, apiPost } from '../common/typed-api';
import { M } from './messages';
import type { Verdict } from './verdict';

export type FilingSubject =
  | { kind: 'counterfeit-report'; verdict: ReportableVerdict; token?: string; number?: string }
  | { kind: 'organization-complaint'; number: string };

export interface FilingDraft {
  open: boolean;
  seen: SeenAtKind;
  place: string;
  link: string;
  city: string;
  description: string;
  contact: string;
  /** The optional photo of a counterfeit report, sent to the store once the report is filed. */
  photo: File | null;
  status:
    | { state: 'editing' }
    | { state: 'sending' }
    | { state: 'sent'; id: string; photo?: 'attached' | 'failed' }
    | { state: 'failed'; why: Msg };
  invalid: string[];
}

export function newDraft(): FilingDraft {
  return {
    open: false,
    seen: 'shop',
    place: '',
    link: '',
    city: '',
    description: '',
    contact: '',
    photo: null,
    status: { state: 'editing' },
    invalid: [],
  };
}

/** The verdict a report of this answer names, or null where the page offers none (a valid mark, no answer yet). */
export function reportableVerdict(verdict: Verdict): ReportableVerdict | null {
  if (verdict.kind === 'key-withdrawn') return 'REVOKED_KEY';
  if (verdict.code && isReportable(verdict.code)) return verdict.code;
  return null;
}

/**
 * What the form uses of modules the page has already loaded, handed to it rather than imported: the build splits
 * every module a lazy chunk imports out of the page's own files, and those extra files weigh on the first load
 * (bench/web-weight.ts) though nothing in them is new.
 */
const KIT = { t, pick, apiGet, apiPost, problemTitle, serverError: M.serverError };
export type FormKit = typeof KIT;

type FormModule = typeof import('./report-form');
/** The form's module once loaded: later renders draw it at once. */
let formModule: FormModule | undefined;

/** The offer, or once opened the form (a placeholder for the moment its module takes to arrive). */
export function filingOffer(subject: FilingSubject, d: FilingDraft, rerender: () => void): HTMLElement {
  if (d.open && formModule) return formModule.filingForm(subject, d, rerender, KIT);
  if (d.open) {
    void import('./report-form').then((loaded) => {
      formModule = loaded;
      rerender();
    });
    return h('div', { class: 'filing-offer', 'aria-busy': 'true' });
  }
  return h(
    'div',
    { class: 'filing-offer' },
    hl(
      'button',
      { type: 'button', class: 'button', 'data-filing-open': subject.kind },
      {
        click: () => {
          d.open = true;
          rerender();
        },
      },
      t(subject.kind === 'organization-complaint' ? M.complaintOpen : M.reportOpen),
    ),
  );
}
