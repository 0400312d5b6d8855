import { describe, expect, it } from 'vitest';
import { chainEvent, GENESIS_HASH, verifyChain } from '../../shared/audit/chain';
import { addDays, addMonths, chinaDate, daysBetween, isIsoDate } from '../../shared/calendar';
import type { AuditEvent } from '../../shared/model';

describe('the calendar of the certification body', () => {
  it('counts days in China Standard Time', () => {
    expect(chinaDate(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(chinaDate(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });

  it('clamps month arithmetic to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-23', 36)).toBe('2029-11-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-11-23', '2027-11-23')).toBe(365);
  });

  it('refuses dates that do not exist', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026/11/23')).toBe(false);
    expect(isIsoDate('115-11-23')).toBe(false);
  });
});

describe('the audit hash chain', () => {
  async function chain(n: number): Promise<AuditEvent[]> {
    const events: AuditEvent[] = [];
    let head = { eventSeq: 0, lastEventHash: GENESIS_HASH };
    for (let i = 0; i < n; i++) {
      const e = await chainEvent(
        'application/x',
        head,
        { action: `step-${i}`, from: 'a', to: 'b', data: { i } },
        { sub: 'admin-1', roles: ['admin'] },
        new Date(Date.UTC(2026, 0, 1 + i)),
      );
      events.push(e);
      head = { eventSeq: e.seq, lastEventHash: e.hash };
    }
    return events;
  }

  it('verifies an untouched history', async () => {
    expect(await verifyChain(await chain(5))).toEqual({ ok: true });
  });

  it('detects an edited, removed or relinked event', async () => {
    const events = await chain(5);
    expect(await verifyChain(events.map((e, i) => (i === 2 ? { ...e, reason: 'edited' } : e)))).toEqual({
      ok: false,
      seq: 3,
      problem: 'HASH_MISMATCH',
    });
    expect(await verifyChain([...events.slice(0, 2), ...events.slice(3)])).toMatchObject({ ok: false, problem: 'GAP' });
    expect(await verifyChain(events.map((e, i) => (i === 3 ? { ...e, prevHash: GENESIS_HASH } : e)))).toMatchObject({
      ok: false,
      seq: 4,
      problem: 'BROKEN_LINK',
    });
  });
});
