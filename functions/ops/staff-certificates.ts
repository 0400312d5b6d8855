/** Staff operations on certificates. */
import { DomainError } from '../../shared/errors';
import { CERTIFICATE_TRANSITIONS, type CertificateTransition } from '../../shared/lifecycle/transitions';
import { certificatePathSchema } from '../../shared/schemas/application';
import { eventStreamOf } from '../../shared/store/keys';
import type { Operation } from '../http/dispatch';
import { parseInput } from '../http/parse';
import type { ApiRequest } from '../http/request';
import { loadCertificate, planCertificateTransition } from '../service/certificates';
import type { Deps } from '../service/deps';
import { execute } from '../service/plan';
import { idempotencyOf } from './staff-applications';

/** Staff read every certificate; an applicant reads the certificates of its own applications. */
export async function readableCertificate(req: ApiRequest, deps: Deps) {
  const { number } = parseInput(certificatePathSchema, req.params, 'path');
  const certificate = await loadCertificate(deps, number);
  const actor = req.actor!;
  if (!actor.roles.some((r) => r !== 'applicant') && certificate.applicantSub !== actor.sub)
    throw new DomainError('NOT_FOUND', `certificate ${number}`);
  return certificate;
}

export const getCertificate: Operation = async (req, deps) => ({
  status: 200,
  body: await readableCertificate(req, deps),
});

export const certificateEvents: Operation = async (req, deps) => {
  const certificate = await readableCertificate(req, deps);
  return {
    status: 200,
    body: { items: await deps.store.listEvents(eventStreamOf('certificate', certificate.number)) },
  };
};

export const certificateTransition: Operation = async (req, deps) => {
  const name = req.route.op.split(':')[2] as CertificateTransition;
  const { number } = parseInput(certificatePathSchema, req.params, 'path');
  const input = parseInput(CERTIFICATE_TRANSITIONS[name].input, req.body, 'body') as Record<string, unknown>;
  return execute(deps, () => planCertificateTransition(deps, req.actor!, number, name, input), idempotencyOf(req));
};
