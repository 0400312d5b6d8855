/**
 * Issuing: the application becomes `issued` and, in the same transaction, the certificate is created under the next
 * number of the year's counter (or, for a renewal, continued into its next cycle), each with its audit event.
 */
import { chinaDate } from '../../shared/calendar';
import { formatCertificateNumber } from '../../shared/certificate-number';
import { DomainError } from '../../shared/errors';
import { issueCertificate, renewCertificate } from '../../shared/lifecycle/certificate';
import type { Actor, Application, Certificate } from '../../shared/model';
import { termWrites } from '../../shared/search/terms';
import { eventStreamOf } from '../../shared/store/keys';
import { advance, NEW_AGGREGATE } from './aggregate';
import type { Deps } from './deps';
import type { Plan } from './plan';

export async function planIssue(
  deps: Deps,
  actor: Actor,
  approved: Application,
  issued: { value: Application; writes: Plan['writes'] },
  now: Date,
): Promise<Plan> {
  const writes = [...issued.writes];
  let certificate: Certificate;
  if (approved.kind === 'renewal' && approved.renewalOf) {
    const current = await deps.store.getCertificate(approved.renewalOf);
    if (!current) throw new DomainError('NOT_FOUND', `certificate ${approved.renewalOf}`);
    const decided = renewCertificate(current, approved, now);
    const next = await advance<Certificate>(
      eventStreamOf('certificate', current.number),
      current,
      decided.next,
      decided.event,
      actor,
      now,
    );
    certificate = await withStarMark(deps, next.value);
    writes.push(
      { kind: 'certificate', value: certificate, expectedVersion: current.version },
      { kind: 'event', value: next.event },
      ...termWrites(current, certificate),
    );
  } else {
    const year = chinaDate(now).slice(0, 4);
    const counter = certificateCounter(year);
    const serial = (await deps.store.readCounter(counter)) + 1;
    const number = formatCertificateNumber(deps.config.certificatePrefix, Number(year), serial);
    const decided = issueCertificate(approved, number, now);
    const next = await advance<Certificate>(
      eventStreamOf('certificate', number),
      NEW_AGGREGATE,
      decided.next,
      decided.event,
      actor,
      now,
    );
    certificate = await withStarMark(deps, next.value);
    writes.push(
      { kind: 'counter', name: counter, expected: serial - 1, next: serial },
      { kind: 'certificate', value: certificate, expectedVersion: null },
      { kind: 'event', value: next.event },
      // The name-search terms land with the certificate: it is never findable before it exists, nor missing after.
      ...termWrites(null, certificate),
    );
  }
  const application = { ...issued.value, certificateNumber: certificate.number };
  writes[0] = { kind: 'application', value: application, expectedVersion: approved.version };
  return { writes, outcome: { status: 200, body: { application, certificate } } };
}

/** The counter that allocates a year's certificate numbers. */
export const certificateCounter = (year: string | number) => `CERTNO#${year}`;

/** The signed star mark travels with the certificate it describes, so a reader never sees one without the other. */
export async function withStarMark(deps: Deps, certificate: Certificate): Promise<Certificate> {
  if (!deps.starMarks) return certificate;
  const { token, kid } = await deps.starMarks.tokenFor(certificate);
  return { ...certificate, token, tokenKid: kid };
}
