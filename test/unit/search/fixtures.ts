import { generateCreditCode } from '../../../shared/credit-code';
import type { Certificate } from '../../../shared/model';

export function certificate(name: string, overrides: Partial<Certificate> = {}): Certificate {
  return {
    number: 'SM-SV-2026-000001',
    organization: { name, creditCode: generateCreditCode(1) },
    scope: '家用电器的售后服务',
    level: 'four',
    score: 91,
    status: 'valid',
    cycle: 1,
    validFrom: '2026-01-01',
    validUntil: '2028-12-31',
    issuedAt: '2026-01-01T00:00:00Z',
    applicationId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
    applicantSub: 'applicant-acme',
    lastSurveillance: null,
    nextSurveillanceDue: '2027-01-01',
    surveillancePostponedUntil: null,
    suspendedOn: null,
    clearedOn: null,
    surveillances: [],
    statusHistory: [],
    version: 1,
    eventSeq: 1,
    lastEventHash: '0'.repeat(64),
    ...overrides,
  };
}
