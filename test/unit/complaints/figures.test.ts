/**
 * The public figures of counterfeit reports: a report adds one to "received" in the Beijing month it arrives and one
 * to "handled" in the month it is closed; nothing else adds to them; the months' tallies sum over their shards and
 * agree with the figures read from the matters themselves.
 */
import { describe, expect, it } from 'vitest';
import {
  beijingMonth,
  FIGURE_SHARDS,
  figureTally,
  type Matter,
  monthlyReportFigures,
  reportFiguresOf,
} from '../../../shared/complaints';

const report = (id: string, state: Matter['state'] = 'received') => ({
  id,
  kind: 'counterfeit-report' as const,
  state,
});

describe('what a change adds to the figures', () => {
  it('counts a report received in the Beijing month: 31 January 16:00 UTC is already February there', () => {
    expect(figureTally(null, report('a'), new Date('2026-01-31T15:59:59Z'))).toMatchObject({
      month: '2026-01',
      figure: 'received',
    });
    expect(figureTally(null, report('a'), new Date('2026-01-31T16:00:00Z'))).toMatchObject({
      month: '2026-02',
      figure: 'received',
    });
  });

  it('counts a report handled when it reaches closed, by a reply or a dismissal, and only then', () => {
    const at = new Date('2026-11-23T02:00:00Z');
    expect(figureTally({ state: 'decided' }, report('a', 'closed'), at)).toMatchObject({ figure: 'handled' });
    expect(figureTally({ state: 'received' }, report('a', 'closed'), at)).toMatchObject({ figure: 'handled' });
    for (const [from, to] of [
      ['received', 'acknowledged'],
      ['acknowledged', 'investigating'],
      ['investigating', 'investigating'],
      ['investigating', 'decided'],
      ['closed', 'closed'],
    ] as const)
      expect(figureTally({ state: from }, report('a', to), at), `${from} → ${to}`).toBeNull();
  });

  it('counts no complaint about an organization and no appeal: the figures are of counterfeit reports', () => {
    const at = new Date('2026-11-23T02:00:00Z');
    for (const kind of ['organization-complaint', 'appeal'] as const) {
      expect(figureTally(null, { id: 'a', kind, state: 'received' }, at)).toBeNull();
      expect(figureTally({ state: 'decided' }, { id: 'a', kind, state: 'closed' }, at)).toBeNull();
    }
  });

  it('spreads one month over its shards by the matter id, the same id always on the same shard', () => {
    const at = new Date('2026-11-23T02:00:00Z');
    const shards = new Set(
      Array.from({ length: 200 }, (_, i) => figureTally(null, report(`20261123-${i}`), at)?.shard),
    );
    expect(shards.size).toBe(FIGURE_SHARDS);
    for (const s of shards) expect(s).toBeGreaterThanOrEqual(0);
    expect(figureTally(null, report('x'), at)?.shard).toBe(
      figureTally({ state: 'decided' }, report('x', 'closed'), at)?.shard,
    );
  });
});

describe('the months’ figures', () => {
  it('sums each month over its shards, oldest month first, and leaves out a month with nothing', () => {
    expect(
      monthlyReportFigures([
        { month: '2026-11', received: 2 },
        { month: '2026-10', received: 1, handled: 1 },
        { month: '2026-11', received: 3, handled: 2 },
      ]),
    ).toEqual([
      { month: '2026-10', received: 1, handled: 1 },
      { month: '2026-11', received: 5, handled: 2 },
    ]);
    expect(monthlyReportFigures([])).toEqual([]);
  });

  it('agrees with the figures read from the matters: received by receipt, handled by closing, Beijing months', () => {
    const matters = [
      { kind: 'counterfeit-report' as const, receivedAt: '2026-10-31T17:00:00Z' },
      { kind: 'counterfeit-report' as const, receivedAt: '2026-10-02T01:00:00Z', closedAt: '2026-11-02T01:00:00Z' },
      { kind: 'organization-complaint' as const, receivedAt: '2026-10-02T01:00:00Z' },
      { kind: 'appeal' as const, receivedAt: '2026-10-02T01:00:00Z', closedAt: '2026-10-03T01:00:00Z' },
    ];
    expect(reportFiguresOf(matters)).toEqual([
      { month: '2026-10', received: 1, handled: 0 },
      { month: '2026-11', received: 1, handled: 1 },
    ]);
    expect(beijingMonth(new Date('2026-10-31T17:00:00Z'))).toBe('2026-11');
  });
});
