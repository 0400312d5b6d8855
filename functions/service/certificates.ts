/** Use cases of a certificate: the staff's status actions and surveillance, each re-signing the mark when it changes. */
import { DomainError } from '../../shared/errors';
import { applyCertificateTransition } from '../../shared/lifecycle/certificate';
import type { CertificateCommand } from '../../shared/lifecycle/transitions';
import type { Actor, Certificate } from '../../shared/model';
import { termWrites } from '../../shared/search/terms';
import { eventStreamOf } from '../../shared/store/keys';
import { advance } from './aggregate';
import type { Deps } from './deps';
import { withStarMark } from './issue';
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
  decided: { next: Certificate; event: import('../../shared/lifecycle/events').EventDraft },
  now: Date,
): Promise<Plan> {
  const { value, event } = await advance<Certificate>(
    eventStreamOf('certificate', current.number),
    current,
    decided.next,
    decided.event,
    actor,
    now,
  );
  const markChanged =
    value.level !== current.level || value.cycle !== current.cycle || value.validUntil !== current.validUntil;
  const certificate = markChanged ? await withStarMark(deps, value) : value;
  return {
    // Search hits show status and level: their term items change in the same transaction (nothing when unchanged).
    writes: [
      { kind: 'certificate', value: certificate, expectedVersion: current.version },
      { kind: 'event', value: event },
      ...termWrites(current, certificate),
    ],
    outcome: { status: 200, body: certificate },
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
  return planCertificateChange(deps, actor, current, applyCertificateTransition(current, command, actor, now), now);
}
