/** Use cases of a certificate: the staff's status actions and surveillance, each re-signing the mark when it changes. */
import { requireReadable } from '../../shared/access';
import { DomainError } from '../../shared/errors';
import { CERTIFICATE_ENDINGS, closeRenewalOnCertificateEnd } from '../../shared/lifecycle/application';
import { certificateAssignee } from '../../shared/lifecycle/assignees';
import { applyCertificateTransition } from '../../shared/lifecycle/certificate';
import type { Decided } from '../../shared/lifecycle/events';
import { CERTIFICATE_TRANSITIONS, type CertificateCommand } from '../../shared/lifecycle/transitions';
import type { Actor, Application, Certificate } from '../../shared/model';
import { termWrites } from '../../shared/search/terms';
import { claimsChanged } from '../../shared/star-mark/claims';
import { eventStreamOf } from '../../shared/store/keys';
import { advance } from './aggregate';
import type { Deps } from './deps';
import { requireListed } from './directory';
import { withStarMark } from './issue';
import { requireActingFor } from './organizations';
import type { Plan } from './plan';

export async function loadCertificate(deps: Deps, number: string): Promise<Certificate> {
  const found = await deps.store.getCertificate(number);
  if (!found) throw new DomainError('NOT_FOUND', `certificate ${number}`);
  return found;
}

/** Commits a decided change of a certificate with its event; the star mark is re-signed when its content changed. */
export async function planCertificateChange(
  deps: Deps,
  actor: Actor,
  current: Certificate,
  decided: Decided<Certificate>,
  now: Date,
): Promise<Plan> {
  const closing = await closeOpenRenewal(deps, actor, current, decided, now);
  const { value, event } = await advance<Certificate>(
    eventStreamOf('certificate', current.number),
    current,
    closing.decided.next,
    closing.decided.event,
    actor,
    now,
  );
  const certificate = claimsChanged(current, value) ? await withStarMark(deps, value, now) : value;
  return {
    // Search hits show status and level: their term items change in the same transaction (nothing when unchanged).
    writes: [
      { kind: 'certificate', value: certificate, expectedVersion: current.version },
      { kind: 'event', value: event },
      ...termWrites(current, certificate),
      ...closing.writes,
    ],
    outcome: { status: 200, body: certificate },
  };
}

/** A certificate that ends takes its open renewal with it, in the same transaction (shared/lifecycle/application). */
async function closeOpenRenewal(
  deps: Deps,
  actor: Actor,
  current: Certificate,
  decided: Decided<Certificate>,
  now: Date,
): Promise<{ decided: Decided<Certificate>; writes: Plan['writes'] }> {
  const ending = CERTIFICATE_ENDINGS.find((s) => s === decided.next.status);
  const renewalId = current.openRenewalId;
  if (!ending || !renewalId || current.status === ending) return { decided, writes: [] };
  const renewal = await deps.store.getApplication(renewalId);
  const closed = renewal && closeRenewalOnCertificateEnd(renewal, ending, now);
  const next = { ...decided.next, openRenewalId: undefined };
  const event = { ...decided.event, data: { ...decided.event.data, renewalClosed: renewalId } };
  if (!renewal || !closed) return { decided: { next, event }, writes: [] };
  const app = await advance<Application>(
    eventStreamOf('application', renewal.id),
    renewal,
    closed.next,
    closed.event,
    actor,
    now,
  );
  return {
    decided: { next, event },
    writes: [
      { kind: 'application', value: app.value, expectedVersion: renewal.version },
      { kind: 'event', value: app.event },
    ],
  };
}

export async function planCertificateTransition(
  deps: Deps,
  actor: Actor,
  number: string,
  command: CertificateCommand,
): Promise<Plan> {
  const now = deps.clock();
  const current = await loadCertificate(deps, number);
  requireReadable(actor, current, `certificate ${number}`);
  const decided = applyCertificateTransition(current, command, actor, now);
  await requireListed(deps, certificateAssignee(command));
  // The holder's own steps (asking for a change) are acting for the organization: only while linked to it.
  if (CERTIFICATE_TRANSITIONS[command.name].role === 'applicant')
    await requireActingFor(deps, actor, current.organization.creditCode);
  return planCertificateChange(deps, actor, current, decided, now);
}
