export {
  bodyLines,
  type CertificateDocumentInput,
  certificateDocument,
  certificateFields,
  DEMO_NOTICE,
  type DocumentField,
  STATUS_NAMES,
} from './content';
export { type Bilingual, type CertificateDocument, certificateDocumentSchema } from './schema';
export { CERTIFICATE_TITLE, SCHEME_NAME, STANDARD } from './standard';
