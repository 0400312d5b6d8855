/** Which certificate events are reported to the national platform, as what, by when; and one batch at a time. */
import { describe, expect, it } from 'vitest';
import type { Actor, AuditEvent } from '../../../shared/model';
import {
  isOverdue,
  NO_BATCH_YET,
  openBatch,
  REPORT_BATCH_LIMIT,
  type ReportItem,
  reportDeadline,
  reportItemOf,
  reportItemWrites,
  reportingDeadlineDaysOf,
  reportKindOf,
} from '../../../shared/national-report';
import { certificateRecord } from '../../support/certificate-record';
import { outcomeOf } from '../../support/domain-outcome';

const ADMIN: Actor = { sub: 'admin-qian', roles: ['admin'] };
const event = (over: Partial<AuditEvent>): AuditEvent => ({
  stream: 'certificate/SM-SV-2026-000001',
  seq: 2,
  at: '2026-03-01T17:30:00.000Z',
  actor: { sub: 'admin-qian', roles: ['admin'] },
  action: 'suspend',
  from: 'valid',
  to: 'suspended',
  prevHash: '',
  hash: '',
  ...over,
});

describe('what is reported', () => {
  it.each([
    [{ action: 'issue', from: null, to: 'valid' }, 'issuance'],
    [{ action: 'renew', from: 'valid', to: 'valid' }, 'renewal'],
    [{ action: 'suspend', from: 'valid', to: 'suspended' }, 'suspension'],
    [{ action: 'sweep-suspendOverdue', from: 'valid', to: 'suspended' }, 'suspension'],
    [{ action: 'reinstate', from: 'suspended', to: 'valid' }, 'reinstatement'],
    [{ action: 'withdraw', from: 'suspended', to: 'withdrawn' }, 'withdrawal'],
    [{ action: 'cancel', from: 'valid', to: 'cancelled' }, 'cancellation'],
    [{ action: 'sweep-expire', from: 'valid', to: 'expired' }, 'expiry'],
    [{ action: 'approve-change', from: 'valid', to: 'valid' }, 'change'],
    [{ action: 'approve-surveillance', from: 'valid', to: 'valid', data: { outcome: 'raise' } }, 'change'],
  ] as const)('%j is reported as %s', (e, kind) => {
    expect(reportKindOf(e)).toBe(kind);
  });

  it.each([
    { action: 'record-surveillance', from: 'valid', to: 'valid', data: { outcome: 'keep' } },
    { action: 'record-surveillance', from: 'valid', to: 'valid', data: { outcome: 'raise', pending: true } },
    { action: 'propose-change', from: 'valid', to: 'valid' },
    { action: 'refuse-change', from: 'valid', to: 'valid' },
    { action: 'assign-evaluator', from: 'valid', to: 'valid' },
    { action: 'mark_reissued', from: 'valid', to: 'valid' },
    { action: 'renewal-opened', from: 'valid', to: 'valid' },
    { action: 'imported', from: null, to: 'valid' },
  ])('an event the public record does not show (%j) is not reported', (e) => {
    expect(reportKindOf(e)).toBeNull();
  });

  it('reports an expired certificate as 注销, dated by the Beijing day of its event', () => {
    const item = reportItemOf(
      certificateRecord({
        status: 'expired',
        statusHistory: [{ date: '2026-03-02', status: 'expired', reasonCategory: 'not_renewed' }],
      }),
      event({ action: 'sweep-expire', to: 'expired' }),
    );
    expect(item).toMatchObject({ kind: 'expiry', nationalStatus: 'cancelled', reasonCategory: 'not_renewed' });
    expect(item?.date).toBe('2026-03-02');
  });

  it('comes with the certificate write and its event in one commit, and only then', () => {
    const certificate = certificateRecord({ status: 'suspended' });
    const writes = reportItemWrites([
      { kind: 'certificate', value: certificate, expectedVersion: 1 },
      { kind: 'event', value: event({}) },
    ]);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ kind: 'item', value: { pk: 'NATREPORT#DUE', kind: 'suspension' } });
    expect(reportItemWrites([{ kind: 'event', value: event({}) }])).toEqual([]);
  });
});

describe('the deadline and the batch', () => {
  const due = (n: number): ReportItem[] =>
    Array.from({ length: n }, (_, i) => ({ id: `2026-03-0${(i % 9) + 1}#${i}`, date: '2026-03-01' }) as ReportItem);

  it('falls the setting’s days after the event, and is overdue the day after', () => {
    expect(reportDeadline({ date: '2026-03-01' }, 5)).toBe('2026-03-06');
    expect(isOverdue({ date: '2026-03-01' }, 5, '2026-03-06')).toBe(false);
    expect(isOverdue({ date: '2026-03-01' }, 5, '2026-03-07')).toBe(true);
  });

  it('takes a whole number of days from 1 to 90 as the setting, 5 when unset', () => {
    expect(reportingDeadlineDaysOf(undefined)).toBe(5);
    expect(reportingDeadlineDaysOf('10')).toBe(10);
    for (const bad of ['0', '91', '2.5', 'five']) expect(() => reportingDeadlineDaysOf(bad)).toThrow();
  });

  it('opens over the oldest items up to its limit, refused while another is open or when nothing is due', () => {
    const opened = openBatch(NO_BATCH_YET, due(REPORT_BATCH_LIMIT + 3), ADMIN, new Date('2026-03-09T02:00:00Z'));
    expect(opened.batch.id).toBe('NR-20260309-0001');
    expect(opened.batch.itemIds).toHaveLength(REPORT_BATCH_LIMIT);
    expect(opened.event.data).toEqual({ items: REPORT_BATCH_LIMIT, left: 3 });
    expect(outcomeOf(() => openBatch(opened.pointer, due(1), ADMIN, new Date()))).toBe('REPORT_BATCH_OPEN');
    expect(outcomeOf(() => openBatch(NO_BATCH_YET, [], ADMIN, new Date()))).toBe('NOTHING_TO_REPORT');
    const evaluator: Actor = { sub: 'evaluator-li', roles: ['evaluator'] };
    expect(outcomeOf(() => openBatch(NO_BATCH_YET, due(1), evaluator, new Date()))).toBe('FORBIDDEN_ROLE');
  });
});
