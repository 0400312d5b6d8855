/** The plain data the core works on. No behaviour here: rules live in lifecycle/, scheme/ and friends. */
import type { IsoDate } from './calendar';
import type { ScoreSheet, StarLevel } from './scheme';

export const ROLES = ['applicant', 'evaluator', 'committee', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who acts. The daily sweep acts as the system, never as a person. */
export interface Actor {
  sub: string;
  roles: readonly (Role | 'system')[];
  name?: string;
}

export const SYSTEM_SWEEP: Actor = { sub: 'system:sweep', roles: ['system'], name: 'daily sweep' };
/** Who gives up a notice whose sends all failed: whichever runner made the last attempt, on the system's behalf. */
export const SYSTEM_MAIL: Actor = { sub: 'system:mail', roles: ['system'], name: 'e-mail delivery' };

export interface Organization {
  name: string;
  nameEn?: string;
  creditCode: string;
  address?: string;
}

/** What a document named on an application is; the uploaded files of a case have their own list. */
export const SERVICE_DOCUMENT_KINDS = ['manual', 'procedure', 'record', 'other'] as const;

export interface ServiceDocument {
  name: string;
  kind: (typeof SERVICE_DOCUMENT_KINDS)[number];
  sha256?: string;
  note?: string;
}

export const APPLICATION_STATES = [
  'submitted',
  'accepted',
  'revision_requested',
  'document_review_passed',
  'scored',
  'approved',
  'rejected',
  'issued',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** The queues staff work cases from (shared/lifecycle/queues.ts): every case, an evaluator's, a decider's. */
export const CASE_QUEUES = ['all', 'evaluating', 'deciding'] as const;
export type CaseQueue = (typeof CASE_QUEUES)[number];

/** Every aggregate carries its optimistic-lock version and the head of its audit hash chain. */
export interface Versioned {
  version: number;
  eventSeq: number;
  lastEventHash: string;
}

export interface ScoreSummary {
  total: number;
  level: StarLevel | null;
  passed: boolean;
}

export interface Application extends Versioned {
  id: string;
  kind: 'initial' | 'renewal';
  /** For a renewal: the certificate whose number continues into the new cycle. */
  renewalOf?: string;
  state: ApplicationState;
  organization: Organization;
  scope: string;
  operatingSince: IsoDate;
  applicantSub: string;
  documents: ServiceDocument[];
  submittedAt: string;
  updatedAt: string;
  /**
   * When the case entered its current state (a step that keeps the state, an upload, leaves it): what the body's
   * service times count from (shared/lifecycle/case-due.ts). Absent on a case last moved before it was kept.
   */
  stateSince?: string;
  evaluatorSub?: string;
  /** Evaluators who declared a conflict of interest on this case: none of them is assigned to it again. */
  conflictedEvaluators?: string[];
  /**
   * The committee member the admin named to decide the scored case; while none is named, any committee member who
   * neither evaluated nor stepped aside from it may decide.
   */
  committeeSub?: string;
  contractNo?: string;
  /** The day (China time) the case was accepted: the on-site review is held from then on. */
  acceptedOn?: IsoDate;
  revisionNote?: string;
  onSiteReviewDate?: IsoDate;
  scoreSheet?: ScoreSheet;
  score?: ScoreSummary;
  decision?: { by: string; at: string; approved: boolean; reason?: string };
  certificateNumber?: string;
  /**
   * An appeal against the case's rejection was decided reversed: the admin reopens the case for a new decision
   * through `reopenOnAppeal`, which asks for exactly this mark (shared/lifecycle/case-reopening.ts).
   */
  appealReversal?: CaseAppealReversal;
  /** Whoever took part in a decision on this case that an appeal reversed: none of them decides it again. */
  recusedDeciders?: string[];
  /**
   * The case was reopened on appeal and waits for its new decision: while it does, a sheet below the pass mark may
   * go back to the evaluator for a new review (`returnForReassessment`), once.
   */
  reopenedOnAppeal?: { matterId?: string; at: string };
  /** The day the committee sent the case back for a new on-site review: the new review is held from then on. */
  reassessmentOn?: IsoDate;
  /**
   * The case's level decision was reversed on appeal before its certificate was issued (or renewed): the mark waits
   * here and goes onto the certificate the case issues, where the committee sets the level (`setLevelOnAppeal`).
   */
  levelAppealPending?: PendingLevelAppealReversal;
}

/** The reversed rejection a case may be reopened from: its appeal, the decision (by its time) and who took part. */
export interface CaseAppealReversal {
  matterId: string;
  decision: 'rejection';
  /** The `decision.at` of the rejection reversed: a case rejected again after reopening is not reopened by it. */
  decidedAt: string;
  /** The appeal's involved: the evaluators and deciders of the decision reversed. */
  involved: string[];
  reversedOn: IsoDate;
}

export const CERTIFICATE_STATUSES = ['valid', 'suspended', 'withdrawn', 'cancelled', 'expired'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Why a status changed, as a category the public may see (never the free-text reason). */
export const REASON_CATEGORIES = [
  'issued',
  'renewed',
  'surveillance_passed',
  'level_changed',
  'surveillance_overdue',
  'surveillance_failed',
  'for_cause',
  'reinstated',
  'suspension_expired',
  'holder_request',
  'not_renewed',
] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

export interface StatusHistoryEntry {
  date: IsoDate;
  status: CertificateStatus;
  reasonCategory: ReasonCategory;
  level?: StarLevel;
}

export interface SurveillanceRecord {
  date: IsoDate;
  total: number;
  level: StarLevel | null;
  outcome: 'keep' | 'raise' | 'lower' | 'suspend';
  evaluatorSub: string;
}

/** Why a surveillance result waits for the committee instead of closing by itself. */
export const COMMITTEE_GROUNDS = ['level_change', 'below_pass', 'special_deductions'] as const;
export type CommitteeGround = (typeof COMMITTEE_GROUNDS)[number];

/** A surveillance held and scored whose result the committee has yet to decide: nothing public moves until then. */
export interface PendingSurveillance extends SurveillanceRecord {
  grounds: CommitteeGround[];
  recordedOn: IsoDate;
}

/**
 * A change (变更) of a certificate's record: a renamed holder, a moved address, a scope extended or reduced, or an
 * erratum (a clerical error corrected). The kinds and what each may change are rules, in shared/lifecycle/changes.ts.
 */
export const CHANGE_KINDS = ['rename', 'address', 'scope-extension', 'scope-reduction', 'erratum'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The fields of the record a change may touch. The credit code is the organization itself: never changed. */
export const CHANGE_FIELDS = ['name', 'nameEn', 'address', 'scope'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/** Why a change was made, as a category the public may see (the documented reason itself stays inside). */
export const CHANGE_REASON_CATEGORIES = [
  'business_registration',
  'relocation',
  'business_extended',
  'business_reduced',
  'surveillance_finding',
  'clerical_error',
] as const;
export type ChangeReasonCategory = (typeof CHANGE_REASON_CATEGORIES)[number];

/** One line of the public change history. */
export interface ChangeRecord {
  date: IsoDate;
  kind: ChangeKind;
  field: ChangeField;
  /** Null when the record held nothing there before (an address first recorded). */
  from: string | null;
  to: string;
  reasonCategory: ChangeReasonCategory;
}

/** A change proposed and not yet decided: nothing public moves until it is approved. */
export interface PendingChange extends Omit<ChangeRecord, 'date'> {
  reason: string;
  proposedBy: string;
  proposedOn: IsoDate;
  /** A scope extension's review, by the certificate's evaluator: what the committee decides on. */
  review?: { by: string; date: IsoDate; note?: string };
}

export interface Certificate extends Versioned {
  number: string;
  organization: Organization;
  scope: string;
  level: StarLevel;
  score: number;
  status: CertificateStatus;
  cycle: number;
  validFrom: IsoDate;
  validUntil: IsoDate;
  issuedAt: string;
  applicationId: string;
  applicantSub: string;
  /** The evaluator assigned to the certificate: the case's own carries over; an admin may assign another. */
  evaluatorSub?: string;
  lastSurveillance: IsoDate | null;
  /** The anniversary by which the next surveillance is due, or null when the cycle needs none before renewal. */
  nextSurveillanceDue: IsoDate | null;
  surveillancePostponedUntil: IsoDate | null;
  suspendedOn: IsoDate | null;
  /** Date of a passing surveillance held while suspended: what allows reinstatement. */
  clearedOn: IsoDate | null;
  surveillances: SurveillanceRecord[];
  pendingSurveillance?: PendingSurveillance;
  statusHistory: StatusHistoryEntry[];
  /** The public change history, oldest first (absent on a certificate never changed). */
  changes?: ChangeRecord[];
  pendingChange?: PendingChange;
  /**
   * An appeal against the decision the certificate's status stands on was decided reversed: the admin restores the
   * certificate through `restoreOnAppeal`, which asks for exactly this mark (shared/lifecycle/appeal-reversal.ts).
   */
  appealReversal?: AppealReversal;
  /**
   * An appeal against the star-level decision the certificate's level stands on was decided reversed: a committee
   * member not involved sets the level it decides through `setLevelOnAppeal` (shared/lifecycle/level-appeal.ts).
   */
  levelAppealReversal?: LevelAppealReversal;
  openRenewalId?: string;
  /**
   * The certificate's latest entry in the public transparency log, and the digest of the public facts it logged: a
   * write whose facts differ from the digest gets a new entry in the same transaction (functions/transparency-log).
   */
  log?: { index: number; digest: string };
  /** The signed star-mark token (JWS) for the current level and cycle, and the key that signed it. */
  token?: string;
  tokenKid?: string;
  /** When the current token was signed (absent on a certificate signed before this was kept). */
  tokenSignedAt?: string;
  /**
   * The mark was re-signed because the key of the one before was revoked (shared/star-mark/reissue.ts): copies of
   * the old mark in circulation no longer prove themselves, so staff are warned until the new artwork is downloaded.
   */
  markReissue?: MarkReissue;
}

/** The reversed decision a certificate may be restored from: its appeal, and the status-history line it undoes. */
export interface AppealReversal {
  matterId: string;
  decision: 'suspension' | 'withdrawal';
  /** The index in `statusHistory` of the line the reversed decision wrote. */
  entry: number;
  reversedOn: IsoDate;
}

/** A level reversal decided while its case was approved and not yet issued: what the certificate will carry. */
export type PendingLevelAppealReversal = Omit<LevelAppealReversal, 'level' | 'entry'>;

/** The reversed level decision a certificate's level may be set from: its appeal, and what the level stood on. */
export interface LevelAppealReversal {
  matterId: string;
  decision: 'level';
  /** The case whose decision set the level, and when it was taken. */
  applicationId: string;
  decidedAt: string;
  /** The level appealed and the status-history line it stands on: a level changed since is not this appeal's. */
  level: StarLevel;
  entry: number;
  /** The appeal's involved: none of them sets the level. */
  involved: string[];
  reversedOn: IsoDate;
}

export interface MarkReissue {
  revokedKid: string;
  reissuedAt: string;
  downloadedAt?: string;
}

export interface AuditEvent {
  /** The aggregate the event belongs to, e.g. `application/<id>` or `certificate/<number>`. */
  stream: string;
  seq: number;
  at: string;
  actor: { sub: string; roles: readonly string[] };
  action: string;
  from: string | null;
  to: string;
  reason?: string;
  data?: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
