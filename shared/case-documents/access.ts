/**
 * Who may add a document to a case, and as what: the applicant of the case while its file is open to it (before the
 * review, and when returned for revision), the case's own evaluator for on-site evidence. Reading and downloading
 * follow the case: staff and the case's applicant (shared/access).
 */
import { hasRole, isOwnRecord, mayReadApplication } from '../access';
import { DomainError } from '../errors';
import type { Actor, Application, ApplicationState } from '../model';

export type DocumentPurpose = 'application' | 'on-site-evidence';

/** The states in which the applicant's file is open: submitted and not yet reviewed, or returned for revision. */
export const APPLICANT_UPLOAD_STATES: readonly ApplicationState[] = ['submitted', 'revision_requested'];
/** The state in which the on-site review is held: its evidence is added then. */
export const EVIDENCE_UPLOAD_STATES: readonly ApplicationState[] = ['document_review_passed'];

type CaseView = Pick<Application, 'applicantSub' | 'evaluatorSub' | 'state'>;

/** What the caller's document on this case would be, or the refusal; a case it may not read is missing. */
export function uploadPurpose(actor: Pick<Actor, 'sub' | 'roles'>, application: CaseView, what: string) {
  if (!mayReadApplication(actor, application)) return new DomainError('NOT_FOUND', what);
  if (isOwnRecord(actor, application) && hasRole(actor, 'applicant'))
    return APPLICANT_UPLOAD_STATES.includes(application.state)
      ? ('application' as const)
      : new DomainError('DOCUMENTS_CLOSED', `the file of ${what} is closed in state ${application.state}`);
  if (hasRole(actor, 'evaluator')) {
    if (application.evaluatorSub !== actor.sub) return new DomainError('NOT_ASSIGNED_EVALUATOR');
    return EVIDENCE_UPLOAD_STATES.includes(application.state)
      ? ('on-site-evidence' as const)
      : new DomainError('DOCUMENTS_CLOSED', `on-site evidence is added after the document review`);
  }
  return new DomainError('FORBIDDEN_ROLE', 'documents are added by the applicant or the assigned evaluator');
}

/** The console asks this to show the upload control. */
export function mayUpload(actor: Pick<Actor, 'sub' | 'roles'>, application: CaseView): boolean {
  return !(uploadPurpose(actor, application, 'case') instanceof DomainError);
}
