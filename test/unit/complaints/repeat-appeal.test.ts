/**
 * One appeal per decision, as a pure rule: a second appeal is refused while the first is open and once it was
 * decided, not after one dismissed undecided; the decision is named so that a decision taken anew is a new one.
 */
import { describe, expect, it } from 'vitest';
import { appealedDecisionKey, MATTER_STATES, repeatAppealRefusal } from '../../../shared/complaints';

describe('a second appeal against one decision', () => {
  it('is refused while the first is open, in every open state', () => {
    for (const state of MATTER_STATES.filter((s) => s !== 'closed'))
      expect(repeatAppealRefusal({ state }), state).toBe('APPEAL_ALREADY_FILED');
  });

  it('is refused once the first was decided, either way, and after its reply', () => {
    expect(repeatAppealRefusal({ state: 'decided', outcome: 'confirmed' })).toBe('APPEAL_ALREADY_FILED');
    expect(repeatAppealRefusal({ state: 'closed', outcome: 'reversed' })).toBe('APPEAL_ALREADY_FILED');
    expect(repeatAppealRefusal({ state: 'closed', outcome: 'confirmed' })).toBe('APPEAL_ALREADY_FILED');
  });

  it('may be filed when there was none, or the first was dismissed without a decision', () => {
    expect(repeatAppealRefusal(undefined)).toBeNull();
    expect(repeatAppealRefusal({ state: 'closed' })).toBeNull();
  });
});

describe('the decision an appeal is against', () => {
  const suspension = { applicationId: 'A1', decision: 'suspension', entry: 2 };
  const rejection = { applicationId: 'A1', decision: 'rejection', decidedAt: '2026-11-20T02:00:00.000Z' };

  it('is the certificate and the status line for a suspension or withdrawal: suspended again is a new one', () => {
    const key = appealedDecisionKey({ appealOf: suspension, certificateNumber: 'SM-SV-2026-000001' });
    expect(key).toBe(appealedDecisionKey({ appealOf: { ...suspension }, certificateNumber: 'SM-SV-2026-000001' }));
    expect(key).not.toBe(
      appealedDecisionKey({ appealOf: { ...suspension, entry: 4 }, certificateNumber: 'SM-SV-2026-000001' }),
    );
    expect(key).not.toBe(
      appealedDecisionKey({
        appealOf: { ...suspension, decision: 'withdrawal' },
        certificateNumber: 'SM-SV-2026-000001',
      }),
    );
  });

  it('is the case and the time of the decision for a rejection or level: decided again is a new one', () => {
    const key = appealedDecisionKey({ appealOf: rejection });
    expect(key).toBe(appealedDecisionKey({ appealOf: { ...rejection } }));
    expect(key).not.toBe(appealedDecisionKey({ appealOf: { ...rejection, decidedAt: '2026-12-01T02:00:00.000Z' } }));
    expect(
      appealedDecisionKey({ appealOf: { ...rejection, decision: 'level' }, certificateNumber: 'SM-SV-2026-000001' }),
    ).not.toBe(key);
  });
});
