/**
 * Issuing: in the transaction that makes the application `issued`, the certificate is created under the next number
 * of the year's counter (or, for a renewal, continued into its next cycle), each with its audit event, its star mark
 * signed once.
 */
import { chinaDate } from '../../shared/calendar';
import { formatCertificateNumber } from '../../shared/certificate-number';
import { DomainError } from '../../shared/errors';
import { issueCertificate, renewCertificate } from '../../shared/lifecycle/certificate';
import type { Decided } from '../../shared/lifecycle/events';
import type { Actor, Application, Certificate, Versioned } from '../../shared/model';
import { termWrites } from '../../shared/search/terms';
import { eventStreamOf } from '../../shared/store/keys';
import type { Write } from '../../shared/store/port';
import { advance, NEW_AGGREGATE } from './aggregate';
import type { Deps } from './deps';
import type { PlanContext } from './plan';

export interface PlannedCertificate {
  certificate: Certificate;
  writes: Write[];
}

/** A new certificate for an approved initial application, under the next number of this year's counter. */
export async function planNewCertificate(
  deps: Deps,
  context: PlanContext,
  actor: Actor,
  approved: Application,
  now: Date,
): Promise<PlannedCertificate> {
  const year = chinaDate(now).slice(0, 4);
  const counter = certificateCounter(year);
  const serial = await context.nextOf(counter);
  const number = formatCertificateNumber(deps.config.certificatePrefix, Number(year), serial);
  const planned = await plannedStep(deps, number, null, issueCertificate(approved, number, now), actor, now);
  return {
    ...planned,
    writes: [{ kind: 'counter', name: counter, expected: serial - 1, next: serial }, ...planned.writes],
  };
}

/** The certificate a renewal continues, into its next cycle under the same number. */
export async function planRenewedCertificate(
  deps: Deps,
  actor: Actor,
  approved: Application,
  number: string,
  now: Date,
): Promise<PlannedCertificate> {
  const current = await deps.store.getCertificate(number);
  if (!current) throw new DomainError('NOT_FOUND', `certificate ${number}`);
  return plannedStep(deps, number, current, renewCertificate(current, approved, now), actor, now);
}

/**
 * The certificate as the step leaves it, its event chained on, its star mark signed once, and its writes: the
 * certificate (created, or conditional on the version read), the event and the name-search terms, which land with
 * the certificate, so it is never findable before it exists, nor missing after.
 */
async function plannedStep(
  deps: Deps,
  number: string,
  current: Certificate | null,
  decided: Decided<Omit<Certificate, keyof Versioned>>,
  actor: Actor,
  now: Date,
): Promise<PlannedCertificate> {
  const stream = eventStreamOf('certificate', number);
  const next = await advance<Certificate>(stream, current ?? NEW_AGGREGATE, decided.next, decided.event, actor, now);
  const certificate = await withStarMark(deps, next.value, now);
  return {
    certificate,
    writes: [
      { kind: 'certificate', value: certificate, expectedVersion: current?.version ?? null },
      { kind: 'event', value: next.event },
      ...termWrites(current, certificate),
    ],
  };
}

/** The counter that allocates a year's certificate numbers. */
export const certificateCounter = (year: string | number) => `CERTNO#${year}`;

/**
 * The signed star mark travels with the certificate it describes, so a reader never sees one without the other;
 * when it was signed is kept beside it (the token itself carries no time: every byte of the QR code is spent).
 */
export async function withStarMark(deps: Deps, certificate: Certificate, now: Date): Promise<Certificate> {
  if (!deps.starMarks) return certificate;
  const { token, kid } = await deps.starMarks.tokenFor(certificate);
  return { ...certificate, token, tokenKid: kid, tokenSignedAt: now.toISOString() };
}
