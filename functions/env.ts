import {
  CERTIFICATION_BODY_ENV,
  type CertificationBody,
  certificationBodyFromJson,
} from '../shared/certification-body';

/** The environment, read once through one helper that throws when a variable is missing. */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`missing environment variable ${name}`);
  return value;
}

export interface FunctionEnvironment {
  tableName: string;
  certificatePrefix: string;
  publicBaseUrl: string;
  certificationBody: CertificationBody;
}

let cached: FunctionEnvironment | undefined;

export function functionEnvironment(): FunctionEnvironment {
  cached ??= {
    tableName: requireEnv('TABLE_NAME'),
    certificatePrefix: requireEnv('CERTIFICATE_PREFIX'),
    publicBaseUrl: requireEnv('PUBLIC_BASE_URL'),
    certificationBody: certificationBodyFromJson(requireEnv(CERTIFICATION_BODY_ENV), CERTIFICATION_BODY_ENV),
  };
  return cached;
}
