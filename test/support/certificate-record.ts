/** A stored certificate as the pure rules see it: valid, first cycle, issued 2026-01-05, no history yet. */

import type { Certificate } from '../../shared/model';

/** Tests name only what their rule reads; everything else keeps these defaults. */
export function certificateRecord(overrides: Partial<Certificate> = {}): Certificate {
  return {
    number: 'SM-SV-2026-000001',
    organization: { name: '华东家电服务有限公司', creditCode: '91350100M000100Y43' },
    scope: '家电',
    level: 'four',
    score: 92,
    status: 'valid',
    cycle: 1,
    validFrom: '2026-01-05',
    validUntil: '2029-01-04',
    issuedAt: '2026-01-05T02:00:00Z',
    applicationId: 'A',
    applicantSub: 'applicant-acme',
    lastSurveillance: null,
    nextSurveillanceDue: '2027-01-05',
    surveillancePostponedUntil: null,
    suspendedOn: null,
    clearedOn: null,
    surveillances: [],
    statusHistory: [],
    version: 1,
    eventSeq: 1,
    lastEventHash: '',
    ...overrides,
  };
}
