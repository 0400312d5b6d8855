/**
 * The only place that decides what goes into pk/sk and the overloaded GSIs. Index attributes are derived from the
 * entity on every write, so an index can never disagree with the item it points to.
 */

import type { Matter } from '../complaints/matter';
import { nextActionDate } from '../lifecycle/certificate-dates';
import type { Application, AuditEvent, Certificate } from '../model';

/** Sorts after every date: terminal certificates stay listed by status but never come due. */
const NEVER = '9999-12-31';

/** The partition prefix of holders' kept addresses (keys.holderAddress), which the webhook worker may read. */
export const HOLDER_ADDRESS_PREFIX = 'HOLDERMAIL#';

export const keys = {
  application: (id: string) => ({ pk: `APP#${id}`, sk: 'APP' }),
  certificate: (number: string) => ({ pk: `CERT#${number}`, sk: 'CERT' }),
  /** One record per 统一社会信用代码: what makes two applications for one organization meet on one item. */
  organization: (creditCode: string) => ({ pk: `ORG#${creditCode}`, sk: 'ORG' }),
  event: (stream: string, seq: number) => ({ pk: `EVT#${stream}`, sk: `EVT#${String(seq).padStart(8, '0')}` }),
  eventStream: (stream: string) => `EVT#${stream}`,
  counter: (name: string) => ({ pk: `COUNTER#${name}`, sk: 'COUNTER' }),
  idempotency: (scope: string, key: string) => ({ pk: `IDEM#${scope}#${key}`, sk: 'IDEM' }),
  signingKey: (kid: string) => ({ pk: `KEY#${kid}`, sk: 'KEY' }),
  /** Log entries, one partition per entry bundle of 256: an integrator reads a bundle with one query. */
  logEntry: (index: number) => ({
    pk: logBundlePartition(Math.floor(index / 256)),
    sk: String(index).padStart(16, '0'),
  }),
  logBundle: (bundle: number) => logBundlePartition(bundle),
  /** The integrated tree: size, root and signed checkpoint, moved forward only under the lease. */
  logHead: () => ({ pk: 'LOG#HEAD', sk: 'LOG' }),
  logLease: () => ({ pk: 'LOG#LEASE', sk: 'LOG' }),
  /** The last checkpoint the sweep's monitor verified (size, root, pinned key): the next run must extend it. */
  logMonitor: () => ({ pk: 'LOG#MONITOR', sk: 'LOG' }),
  /** One partition listing the certificates that are not plainly valid: what the status snapshot is made from. */
  statusList: 'STATUSLIST',
  statusListEntry: (number: string) => ({ pk: 'STATUSLIST', sk: number }),
  /** A case's documents live in its partition: one query lists them, beside the case. */
  caseDocument: (applicationId: string, documentId: string) => ({
    pk: `APP#${applicationId}`,
    sk: `DOC#${documentId}`,
  }),
  caseDocumentPrefix: 'DOC#',
  /** An upload requested and not yet confirmed: what the confirmation checks the bytes against. */
  documentUpload: (applicationId: string, uploadId: string) => ({
    pk: `APP#${applicationId}`,
    sk: `UPLOAD#${uploadId}`,
  }),
  /** One job per revoked star-mark key: how far the re-signing of its certificates' marks has come. */
  markReissueJobs: 'MARKREISSUE#JOB',
  markReissueJob: (kid: string) => ({ pk: 'MARKREISSUE#JOB', sk: kid }),
  /** Certificates whose re-signed mark has not been downloaded yet: what the console warns about. */
  markReissuePending: 'MARKREISSUE#PENDING',
  markReissuePendingEntry: (number: string) => ({ pk: 'MARKREISSUE#PENDING', sk: number }),
  /**
   * The staff an OIDC deployment has seen sign in, one partition: a certification body has tens of staff, so one
   * query lists them all. (With Cognito the user pool's groups are the directory and nothing is kept here.)
   */
  staffMembers: 'STAFF#MEMBERS',
  staffMember: (sub: string) => ({ pk: 'STAFF#MEMBERS', sk: sub }),
  /**
   * An OIDC deployment's verified e-mail address of an applicant account, from its latest sign-in: where the holder
   * of a certificate is told of its changes (shared/directory/holder-address.ts). One item per account, so the
   * webhook worker may read these and no other account data.
   */
  holderAddress: (sub: string) => ({ pk: `${HOLDER_ADDRESS_PREFIX}${sub}`, sk: 'EMAIL' }),
  /** A complaint, counterfeit report or appeal (shared/complaints). */
  matter: (id: string) => ({ pk: `MATTER#${id}`, sk: 'MATTER' }),
  /**
   * The appeal last filed against one decision (shared/complaints/repeat-appeal.ts): written with the appeal, from
   * the step read, so two appeals filed at once against one decision never both land.
   */
  appealedDecision: (decision: string) => ({ pk: `APPEALED#${decision}`, sk: 'APPEAL' }),
  /** A data upgrade a table has had (a backfill): done once, then remembered. */
  tableUpgrade: (name: string) => ({ pk: 'TABLE#UPGRADES', sk: name }),
  /** A proof-of-work challenge already answered: a second filing with it is refused until it would expire anyway. */
  spentChallenge: (challenge: string) => ({ pk: `POW#${challenge}`, sk: 'POW' }),
  /** The public figures of counterfeit reports, one partition: a month's tallies, a few shards each. */
  reportFigures: 'FIGURES#counterfeit-reports',
  reportFigureTally: (month: string, shard: number) => ({ pk: 'FIGURES#counterfeit-reports', sk: `${month}#${shard}` }),
  /** Every reminder and notice as it was sent (or is queued), newest first: what the console's outbox lists. */
  outbox: 'OUTBOX',
  /** Notices written in a transaction that had no channel at hand, waiting for the next delivery run. */
  noticeQueue: 'NOTICE#QUEUE',
  /** National-platform report items not yet reported, oldest first: one partition, what the console lists. */
  reportDue: 'NATREPORT#DUE',
  reportDueItem: (id: string) => ({ pk: 'NATREPORT#DUE', sk: id }),
  /** A reported batch's items, moved out of the due partition in the transaction that marks the batch reported. */
  reportedItems: (batchId: string) => `NATREPORT#BATCH#${batchId}`,
  reportedItem: (batchId: string, id: string) => ({ pk: `NATREPORT#BATCH#${batchId}`, sk: id }),
  reportBatches: 'NATREPORT#BATCHES',
  reportBatch: (id: string) => ({ pk: 'NATREPORT#BATCHES', sk: id }),
  /** Which report batch is open: one item, moved forward only from the step it was read at. */
  reportPointer: () => ({ pk: 'NATREPORT#POINTER', sk: 'NATREPORT' }),
};

function logBundlePartition(bundle: number) {
  return `LOG#ENTRIES#${bundle}`;
}

/** The counter that assigns log indices: its value is the number of entries ever assigned. */
export const LOG_INDEX_COUNTER = 'LOG#INDEX';

export const indexKeys = {
  applicationsByState: (state: string) => `APPSTATE#${state}`,
  applicationsByApplicant: (sub: string) => `APPLICANT#${sub}`,
  applicationsByApplicantInState: (sub: string, state: string) => `APPLICANTSTATE#${sub}#${state}`,
  applicationsByEvaluatorInState: (sub: string, state: string) => `APPEVALUATOR#${sub}#${state}`,
  certificatesByCreditCode: (code: string) => `CC#${code}`,
  certificatesByStatus: (status: string) => `CSTATUS#${status}`,
  certificatesByExpiry: (status: string) => `CEXPIRY#${status}`,
  mattersByState: (state: string) => `MATTERSTATE#${state}`,
  /** The number a matter names (a real certificate or a made-up one): many reports of one number show together. */
  mattersByNumber: (number: string) => `MATTERNUM#${number}`,
};

export function applicationIndexAttributes(a: Application) {
  return {
    gsi1pk: indexKeys.applicationsByState(a.state),
    gsi1sk: `${a.updatedAt}#${a.id}`,
    gsi2pk: indexKeys.applicationsByApplicant(a.applicantSub),
    gsi2sk: `${a.submittedAt}#${a.id}`,
    gsi3pk: indexKeys.applicationsByApplicantInState(a.applicantSub, a.state),
    gsi3sk: `${a.submittedAt}#${a.id}`,
    // A case with no evaluator (submitted, or after a declared conflict) is in no evaluator's queue.
    ...(a.evaluatorSub
      ? { gsi4pk: indexKeys.applicationsByEvaluatorInState(a.evaluatorSub, a.state), gsi4sk: `${a.updatedAt}#${a.id}` }
      : {}),
  };
}

export function certificateIndexAttributes(c: Certificate) {
  return {
    gsi1pk: indexKeys.certificatesByCreditCode(c.organization.creditCode),
    gsi1sk: c.number,
    gsi2pk: indexKeys.certificatesByStatus(c.status),
    gsi2sk: `${nextActionDate(c) ?? NEVER}#${c.number}`,
    gsi3pk: indexKeys.certificatesByExpiry(c.status),
    gsi3sk: `${c.validUntil}#${c.number}`,
  };
}

/** The handling queue reads matters by state, oldest first; the pattern view reads them by the number they name. */
export function matterIndexAttributes(
  m: Pick<Matter, 'id' | 'state' | 'receivedAt' | 'certificateNumber' | 'reportedNumber'>,
) {
  const number = m.certificateNumber ?? m.reportedNumber;
  return {
    gsi1pk: indexKeys.mattersByState(m.state),
    gsi1sk: `${m.receivedAt}#${m.id}`,
    ...(number ? { gsi2pk: indexKeys.mattersByNumber(number), gsi2sk: `${m.receivedAt}#${m.id}` } : {}),
  };
}

export function eventStreamOf(
  kind: 'application' | 'certificate' | 'organization' | 'matter' | 'report-batch',
  id: string,
): string {
  return `${kind}/${id}`;
}

export type { AuditEvent };
