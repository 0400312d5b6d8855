export {
  CERTIFICATION_BODY_ENV,
  CERTIFICATION_BODY_FILE,
  CertificationBodyConfigError,
  certificationBodyFromJson,
  parseCertificationBody,
} from './config';
export { DEMO_CERTIFICATION_BODY, isDemoCertificationBody } from './demo';
export {
  APPROVAL_NUMBER_PATTERN,
  type CertificationBody,
  type CounterfeitReport,
  certificationBodySchema,
  counterfeitReportSchema,
} from './schema';
