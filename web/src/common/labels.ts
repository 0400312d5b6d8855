/**
 * The lifecycle's words as the pages use them: certificate statuses, why they changed, and the changes (变更) of a
 * record. The tables themselves are the core's (shared/lifecycle/labels.ts): one wording for the API, the public
 * pages and the console.
 */
import { CERTIFICATE_STATUS_LABELS, certificateStatusLabel } from '../../../shared/lifecycle/labels';
import type { CertificateStatus } from '../../../shared/model';

export {
  CHANGE_FIELD_LABELS,
  CHANGE_KIND_LABELS,
  CHANGE_REASON_LABELS,
  changeFieldLabel,
  changeKindLabel,
  changeReasonLabel,
  REASON_LABELS,
  reasonLabel,
} from '../../../shared/lifecycle/labels';

export const STATUS_LABELS = CERTIFICATE_STATUS_LABELS;
export const statusLabel = certificateStatusLabel;

/** good (green), warn (amber), bad (red): the colour each status is drawn in. */
export const STATUS_TONES: Readonly<Record<CertificateStatus, 'good' | 'warn' | 'bad'>> = {
  valid: 'good',
  suspended: 'warn',
  withdrawn: 'bad',
  cancelled: 'bad',
  expired: 'bad',
};
