/** Use cases of an application: submit, renew, and every lifecycle step up to the issued certificate. */

import { requireReadable } from '../../shared/access';
import { chinaDate } from '../../shared/calendar';
import { DomainError } from '../../shared/errors';
import { newApplicationId } from '../../shared/ids';
import {
  applyApplicationTransition,
  submitRenewal as decideRenewal,
  submitApplication as decideSubmit,
  effectOf,
  withCertificate,
} from '../../shared/lifecycle/application';
import { applicationAssignee } from '../../shared/lifecycle/assignees';
import { closeRenewal, holdRenewal, openRenewal } from '../../shared/lifecycle/certificate';
import type { Decided } from '../../shared/lifecycle/events';
import { APPLICATION_TRANSITIONS, type ApplicationCommand } from '../../shared/lifecycle/transitions';
import type { Actor, Application, Certificate } from '../../shared/model';
import type { SubmitApplicationInput, SubmitRenewalInput } from '../../shared/schemas/application';
import { eventStreamOf } from '../../shared/store/keys';
import type { Write } from '../../shared/store/port';
import { advance, NEW_AGGREGATE } from './aggregate';
import type { Deps } from './deps';
import { requireListed } from './directory';
import { type PlannedCertificate, planNewCertificate, planRenewedCertificate } from './issue';
import { planJoinOrganization, requireActingFor } from './organizations';
import type { Plan, PlanContext } from './plan';

export async function loadApplication(deps: Deps, id: string): Promise<Application> {
  const found = await deps.store.getApplication(id);
  if (!found) throw new DomainError('NOT_FOUND', `application ${id}`);
  return found;
}

export async function planSubmit(deps: Deps, actor: Actor, input: SubmitApplicationInput): Promise<Plan> {
  const now = deps.clock();
  const id = newApplicationId(now);
  const decided = decideSubmit(input, actor, now, id);
  const { value, event } = await advance<Application>(
    eventStreamOf('application', id),
    NEW_AGGREGATE,
    decided.next,
    decided.event,
    actor,
    now,
  );
  return {
    writes: [
      { kind: 'application', value, expectedVersion: null },
      { kind: 'event', value: event },
      ...(await planJoinOrganization(deps, actor, input.organization, value, now)),
    ],
    outcome: { status: 201, body: value },
  };
}

/** A renewal application also marks the certificate, so that a second one cannot open while it runs. */
export async function planRenewal(deps: Deps, actor: Actor, input: SubmitRenewalInput): Promise<Plan> {
  const now = deps.clock();
  const certificate = await deps.store.getCertificate(input.certificateNumber);
  if (!certificate) throw new DomainError('NOT_FOUND', `certificate ${input.certificateNumber}`);
  requireReadable(actor, certificate, `certificate ${input.certificateNumber}`);
  const id = newApplicationId(now);
  const decided = decideRenewal(certificate, input, actor, now, id);
  const app = await advance<Application>(
    eventStreamOf('application', id),
    NEW_AGGREGATE,
    decided.next,
    decided.event,
    actor,
    now,
  );
  const opened = openRenewal(certificate, id);
  const cert = await advance<Certificate>(
    eventStreamOf('certificate', certificate.number),
    certificate,
    opened.next,
    opened.event,
    actor,
    now,
  );
  return {
    writes: [
      { kind: 'application', value: app.value, expectedVersion: null },
      { kind: 'event', value: app.event },
      { kind: 'certificate', value: cert.value, expectedVersion: certificate.version },
      { kind: 'event', value: cert.event },
      ...(await planJoinOrganization(deps, actor, certificate.organization, app.value, now)),
    ],
    outcome: { status: 201, body: app.value },
  };
}

/**
 * One step of a case, with what the lifecycle decides it brings about (effectOf): issuing creates or renews the
 * certificate, a renewal that ends without one frees its certificate. Everything lands in one transaction.
 */
export async function planApplicationTransition(
  deps: Deps,
  actor: Actor,
  id: string,
  command: ApplicationCommand,
  context: PlanContext,
): Promise<Plan> {
  const now = deps.clock();
  const current = await loadApplication(deps, id);
  requireReadable(actor, current, `application ${id}`);
  const decided = applyApplicationTransition(current, command, actor, now);
  // Whoever the step names for a role must be in the staff directory with that role (422, nothing written).
  await requireListed(deps, applicationAssignee(command));
  // The applicant's own steps (resubmit, withdraw) are acting for the organization: only while linked to it.
  if (APPLICATION_TRANSITIONS[command.name].role === 'applicant')
    await requireActingFor(deps, actor, current.organization.creditCode);
  const effect = effectOf(current, command.name);
  let next = decided.next;
  let certificate: PlannedCertificate | undefined;
  let sideWrites: Write[] = [];
  switch (effect?.kind) {
    case 'issueCertificate':
      certificate = await planNewCertificate(deps, context, actor, current, now);
      break;
    case 'renewCertificate':
      certificate = await planRenewedCertificate(deps, actor, current, effect.number, now);
      break;
    case 'closeRenewal':
      sideWrites = await releaseRenewal(deps, actor, effect.number, id, now);
      break;
    case 'holdRenewal':
      sideWrites = await heldRenewal(deps, actor, effect.number, id, now);
      break;
    case undefined:
      break;
  }
  if (certificate) next = withCertificate(next, certificate.certificate.number);
  const { value, event } = await advance<Application>(
    eventStreamOf('application', id),
    current,
    next,
    decided.event,
    actor,
    now,
  );
  return {
    writes: [
      { kind: 'application', value, expectedVersion: current.version },
      { kind: 'event', value: event },
      ...(certificate?.writes ?? []),
      ...sideWrites,
    ],
    outcome: { status: 200, body: certificate ? { application: value, certificate: certificate.certificate } : value },
  };
}

/** A renewal reopened on appeal holds its certificate again, in the same transaction (or is refused). */
async function heldRenewal(deps: Deps, actor: Actor, number: string, applicationId: string, now: Date) {
  const cert = await deps.store.getCertificate(number);
  if (!cert) throw new DomainError('CERTIFICATE_NOT_RENEWABLE', `certificate ${number} is gone`);
  return certificateStepWrites(cert, holdRenewal(cert, applicationId, chinaDate(now)), actor, now);
}

async function releaseRenewal(
  deps: Deps,
  actor: Actor,
  number: string,
  applicationId: string,
  now: Date,
): Promise<Write[]> {
  const cert = await deps.store.getCertificate(number);
  const decided = cert ? closeRenewal(cert, applicationId) : null;
  if (!cert || !decided) return [];
  return certificateStepWrites(cert, decided, actor, now);
}

/** The certificate's side of a case's step: its next value, conditional on the version read, and its event. */
async function certificateStepWrites(
  cert: Certificate,
  decided: Decided<Certificate>,
  actor: Actor,
  now: Date,
): Promise<Write[]> {
  const stream = eventStreamOf('certificate', cert.number);
  const next = await advance<Certificate>(stream, cert, decided.next, decided.event, actor, now);
  return [
    { kind: 'certificate', value: next.value, expectedVersion: cert.version },
    { kind: 'event', value: next.event },
  ];
}
