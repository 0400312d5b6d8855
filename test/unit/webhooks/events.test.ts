import { describe, expect, it } from 'vitest';
import type { CertificateFacts, LogEntry } from '../../../shared/transparency-log/entry';
import { certificateEvent, changedFields, watches } from '../../../shared/webhooks/events';

const issued: CertificateFacts = {
  number: 'SM-SV-2026-000001',
  organization: { name: '华东家电服务有限公司', creditCode: '91350100M000100Y43' },
  scope: '家用电器的售后服务',
  level: 'four',
  status: 'valid',
  statusReason: 'issued',
  cycle: 1,
  validFrom: '2026-11-23',
  validUntil: '2029-11-22',
  lastSurveillance: null,
  nextSurveillance: '2027-11-22',
};
const suspended: CertificateFacts = {
  ...issued,
  status: 'suspended',
  statusReason: 'for_cause',
  nextSurveillance: null,
};
const entry = (event: LogEntry['event'], certificate: CertificateFacts, prev: number | null): LogEntry => ({
  v: 1,
  type: 'starmark/certificate-event',
  event,
  at: '2026-12-01T02:00:00.000Z',
  prev,
  certificate,
});

describe('certificate events for watchlists', () => {
  it('are one per log entry, with the entry’s index as their stable id and its time as theirs', () => {
    const event = certificateEvent(41, entry('suspended', suspended, 7), issued);
    expect(event).toMatchObject({
      id: 'evt_41',
      type: 'certificate.suspended',
      timestamp: '2026-12-01T02:00:00.000Z',
      data: { number: issued.number, creditCode: issued.organization.creditCode },
    });
    expect(certificateEvent(41, entry('suspended', suspended, 7), issued).id).toBe(event.id);
  });

  it('say what changed and what it was before', () => {
    const event = certificateEvent(41, entry('suspended', suspended, 7), issued);
    expect(event.data.changed).toEqual(['status', 'statusReason', 'nextSurveillance']);
    expect(event.data.previous).toEqual({ status: 'valid', statusReason: 'issued', nextSurveillance: '2027-11-22' });
    const renamed = { ...issued, organization: { ...issued.organization, name: '华东电器服务有限公司' } };
    expect(changedFields(issued, renamed)).toEqual(['organization']);
    expect(changedFields(issued, { ...issued, scope: '家用电器和厨具的售后服务' })).toEqual(['scope']);
  });

  it('count every field as changed on an issue, with no previous facts', () => {
    const event = certificateEvent(0, entry('issued', issued, null), null);
    expect(event.data.changed).toContain('status');
    expect(event.data.previous).toBeUndefined();
  });

  it('reach the watchlists that name the certificate or its organization’s credit code, and no other', () => {
    const event = certificateEvent(41, entry('suspended', suspended, 7), issued);
    expect(watches({ numbers: [issued.number], creditCodes: [] }, event)).toBe(true);
    expect(watches({ numbers: [], creditCodes: [issued.organization.creditCode] }, event)).toBe(true);
    expect(watches({ numbers: ['SM-SV-2026-000002'], creditCodes: ['91310110666007217T'] }, event)).toBe(false);
  });
});
