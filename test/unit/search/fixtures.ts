import { generateCreditCode } from '../../../shared/credit-code';
import type { Certificate } from '../../../shared/model';
import { certificateRecord } from '../../support/certificate-record';

export function certificate(name: string, overrides: Partial<Certificate> = {}): Certificate {
  return certificateRecord({
    organization: { name, creditCode: generateCreditCode(1) },
    scope: '家用电器的售后服务',
    ...overrides,
  });
}
