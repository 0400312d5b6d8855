/** Use cases of an application: submit, renew, and every lifecycle step up to the issued certificate. */

import { DomainError } from '../../shared/errors';
import { newApplicationId } from '../../shared/ids';
import {
  applyApplicationTransition,
  submitRenewal as decideRenewal,
  submitApplication as decideSubmit,
} from '../../shared/lifecycle/application';
import type { ApplicationCommand } from '../../shared/lifecycle/transitions';
import type { Actor, Application, Certificate } from '../../shared/model';
import type { SubmitApplicationInput, SubmitRenewalInput } from '../../shared/schemas/application';
import { eventStreamOf } from '../../shared/store/keys';
import { advance, NEW_AGGREGATE } from './aggregate';
import type { Deps } from './deps';
import { planIssue } from './issue';
import type { Plan } from './plan';

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
    ],
    outcome: { status: 201, body: value },
  };
}

/** A renewal application also marks the certificate, so that a second one cannot open while it runs. */
export async function planRenewal(deps: Deps, actor: Actor, input: SubmitRenewalInput): Promise<Plan> {
  const now = deps.clock();
  const certificate = await deps.store.getCertificate(input.certificateNumber);
  if (!certificate) throw new DomainError('NOT_FOUND', `certificate ${input.certificateNumber}`);
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
  const cert = await advance<Certificate>(
    eventStreamOf('certificate', certificate.number),
    certificate,
    { ...certificate, openRenewalId: id },
    { action: 'renewal-opened', from: certificate.status, to: certificate.status, data: { applicationId: id } },
    actor,
    now,
  );
  return {
    writes: [
      { kind: 'application', value: app.value, expectedVersion: null },
      { kind: 'event', value: app.event },
      { kind: 'certificate', value: cert.value, expectedVersion: certificate.version },
      { kind: 'event', value: cert.event },
    ],
    outcome: { status: 201, body: app.value },
  };
}

export async function planApplicationTransition(
  deps: Deps,
  actor: Actor,
  id: string,
  command: ApplicationCommand,
): Promise<Plan> {
  const { name } = command;
  const now = deps.clock();
  const current = await loadApplication(deps, id);
  const decided = applyApplicationTransition(current, command, actor, now);
  const { value, event } = await advance<Application>(
    eventStreamOf('application', id),
    current,
    decided.next,
    decided.event,
    actor,
    now,
  );
  const writes: Plan['writes'] = [
    { kind: 'application', value, expectedVersion: current.version },
    { kind: 'event', value: event },
  ];
  if (name === 'issue') return planIssue(deps, actor, current, { value, writes }, now);
  const endsWithoutCertificate = name === 'withdraw' || name === 'reject';
  if (endsWithoutCertificate && current.kind === 'renewal' && current.renewalOf) {
    writes.push(...(await releaseRenewal(deps, actor, current.renewalOf, id, now)));
  }
  return { writes, outcome: { status: 200, body: value } };
}

/** A renewal that ends without a certificate frees the certificate for another attempt (while it is still valid). */
async function releaseRenewal(
  deps: Deps,
  actor: Actor,
  number: string,
  applicationId: string,
  now: Date,
): Promise<Plan['writes']> {
  const cert = await deps.store.getCertificate(number);
  if (!cert || cert.openRenewalId !== applicationId) return [];
  const next = await advance<Certificate>(
    eventStreamOf('certificate', number),
    cert,
    { ...cert, openRenewalId: undefined },
    { action: 'renewal-closed', from: cert.status, to: cert.status, data: { applicationId } },
    actor,
    now,
  );
  return [
    { kind: 'certificate', value: next.value, expectedVersion: cert.version },
    { kind: 'event', value: next.event },
  ];
}
