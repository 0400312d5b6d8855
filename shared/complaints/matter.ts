/** A matter as stored: plain data, read by the console and the operations. */
import type { MatterKind, ReportableVerdict, SeenAtKind } from './kinds';
import type { PhotoContentType } from './photo';
import type { MatterState } from './states';

export interface PendingPhoto {
  contentType: PhotoContentType;
  size: number;
  sha256: string;
  secretSha256: string;
}

export interface AttachedPhoto {
  contentType: PhotoContentType;
  size: number;
  sha256: string;
  attachedAt: string;
  /** Kept, so that a second confirmation by the reporter is told the photo is there (409), anyone else 404. */
  secretSha256: string;
}

/**
 * How a matter ends: a report or complaint found justified or not; an appeal's decision reversed or confirmed.
 */
export const MATTER_OUTCOMES = ['upheld', 'not-upheld', 'reversed', 'confirmed'] as const;
export type MatterOutcome = (typeof MATTER_OUTCOMES)[number];

/** The outcomes that answer a matter of each kind: an appeal reverses or confirms, anything else is upheld or not. */
export const MATTER_OUTCOMES_FOR: Record<MatterKind, readonly MatterOutcome[]> = {
  'counterfeit-report': ['upheld', 'not-upheld'],
  'organization-complaint': ['upheld', 'not-upheld'],
  appeal: ['reversed', 'confirmed'],
};

export interface Matter {
  id: string;
  kind: MatterKind;
  state: MatterState;
  receivedAt: string;
  /** The certificate the matter is about, where it names one that exists: where surveillance will see it. */
  certificateNumber?: string;
  /** What the reporter typed or scanned, as it was (an unknown number, a forged token). */
  reportedNumber?: string;
  token?: string;
  verdict?: ReportableVerdict;
  seenAt?: { kind: SeenAtKind; place?: string; link?: string; city?: string };
  description?: string;
  /** The report's photo, once uploaded and confirmed: kept under reports/<id>/photo for the retention period. */
  photo?: AttachedPhoto;
  /** A photo declared with the filing and not yet confirmed; the secret's SHA-256, never the secret itself. */
  photoUpload?: PendingPhoto;
  /** Personal data: kept only until the matter closes. Never in an audit event, a log line or a public page. */
  contact?: string;
  /**
   * For an appeal: the case and the decision appealed against; for a suspension or withdrawal (the certificate is
   * `certificateNumber`), the line of its status history that decision wrote, which a reversal undoes; for a
   * decision on the case, when it was taken (`decision.at`): a case decided again is a new decision.
   */
  appealOf?: { applicationId: string; decision: string; entry?: number; decidedAt?: string };
  /** Everyone who took part in what the matter is about: none of them may handle or decide it. */
  involved: string[];
  handlerSub?: string;
  acknowledgedAt?: string;
  /** The handler's investigation notes: staff-only, never in an event or on a public page. */
  notes?: { at: string; by: string; text: string }[];
  outcome?: MatterOutcome;
  decidedAt?: string;
  decidedBy?: string;
  /** What the reporter was told (or why the matter was dismissed), once closed. */
  reply?: string;
  closedAt?: string;
  /** The reply's e-mail, given up after its attempts (shared/complaints/reply-retry.ts): the reporter was not told. */
  replyFailed?: { at: string; attempts: number };
  version: number;
  eventSeq: number;
  lastEventHash: string;
}
