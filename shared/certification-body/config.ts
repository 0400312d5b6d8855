/**
 * How a deployment names its certification body, once: in AWS the stack puts the JSON in one environment variable
 * (from CDK context `certificationBody`); locally `npm start -- --body <file>` or `<data>/certification-body.json`,
 * else the demonstration identity. Every reader parses through here, so a bad setting fails with the same message.
 */
import { DEPLOYMENT_ENV } from '../deployment-env';
import { type CertificationBody, certificationBodySchema } from './schema';

/** The functions' environment variable that carries the body as JSON. */
export const CERTIFICATION_BODY_ENV = DEPLOYMENT_ENV.certificationBody;

/** The file a local data folder may hold. */
export const CERTIFICATION_BODY_FILE = 'certification-body.json';

export class CertificationBodyConfigError extends Error {
  override readonly name = 'CertificationBodyConfigError';
}

/** Parses a body from plain data; throws CertificationBodyConfigError naming every field at fault and the source. */
export function parseCertificationBody(input: unknown, source = 'the certification body'): CertificationBody {
  const result = certificationBodySchema.safeParse(input);
  if (result.success) return result.data;
  const faults = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new CertificationBodyConfigError(`${source} is not a valid certification body — ${faults.join('; ')}`);
}

/** Parses a body from its JSON text (the environment variable, a file). */
export function certificationBodyFromJson(json: string, source = 'the certification body'): CertificationBody {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new CertificationBodyConfigError(`${source} is not valid JSON`);
  }
  return parseCertificationBody(data, source);
}
