import {
  CERTIFICATION_BODY_ENV,
  type CertificationBody,
  certificationBodyFromJson,
} from '../shared/certification-body';
import { DEPLOYMENT_ENV } from '../shared/deployment-env';

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
    tableName: requireEnv(DEPLOYMENT_ENV.tableName),
    certificatePrefix: requireEnv(DEPLOYMENT_ENV.certificatePrefix),
    publicBaseUrl: requireEnv(DEPLOYMENT_ENV.publicBaseUrl),
    certificationBody: certificationBodyFromJson(requireEnv(CERTIFICATION_BODY_ENV), CERTIFICATION_BODY_ENV),
  };
  return cached;
}
