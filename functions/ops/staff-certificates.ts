/** Staff operations on certificates. */
import { mayReadCertificate } from '../../shared/access';
import { DomainError } from '../../shared/errors';
import { peopleNamedIn } from '../../shared/lifecycle/event-labels';
import { peopleNamedOnCertificate } from '../../shared/lifecycle/people-named';
import type { Actor, Certificate } from '../../shared/model';
import { eventStreamOf } from '../../shared/store/keys';
import type { TransitionOperations } from '../http/operation';
import { certificateAppealsOnRecord } from '../service/appeals-on-record';
import { loadCertificate, planCertificateTransition } from '../service/certificates';
import type { Deps } from '../service/deps';
import { namesOf } from '../service/directory';
import { execute } from '../service/plan';
import { publishedStarMark } from '../signing/star-mark-ring';
import type { StaffOperations } from './tables';

/** Staff read every certificate; an applicant reads its own, and another's answers as missing. */
export async function readableCertificate(actor: Actor, number: string, deps: Deps): Promise<Certificate> {
  const certificate = await loadCertificate(deps, number);
  if (!mayReadCertificate(actor, certificate)) throw new DomainError('NOT_FOUND', `certificate ${number}`);
  return certificate;
}

export const certificateOperations = {
  getCertificate: async ({ actor, params }, deps) => {
    const certificate = await readableCertificate(actor, params.number, deps);
    // The mark's verification link, as the public record gives it: only while its key is trusted.
    const [starMark, people, appeals] = await Promise.all([
      publishedStarMark(deps, certificate),
      namesOf(deps, peopleNamedOnCertificate(certificate)),
      certificateAppealsOnRecord(deps, certificate),
    ]);
    return { status: 200, body: { ...certificate, ...starMark, people, appeals } };
  },

  certificateEvents: async ({ actor, params }, deps) => {
    const certificate = await readableCertificate(actor, params.number, deps);
    const items = await deps.store.listEvents(eventStreamOf('certificate', certificate.number));
    return { status: 200, body: { items, people: await namesOf(deps, peopleNamedIn('certificate', items)) } };
  },
} satisfies Partial<StaffOperations>;

export const certificateTransition: TransitionOperations['certificate'] = async (
  { actor, params, body, idempotency },
  deps,
) => execute(deps, () => planCertificateTransition(deps, actor, params.number, body), idempotency);
