/** What falls due and when a reminder is sent, as pure rules on one certificate seen from a given day. */
import { describe, expect, it } from 'vitest';
import {
  type DueEntry,
  dueEntriesOf,
  dueList,
  groupByWeek,
  reminderFor,
  reminderMessage,
  weekOf,
} from '../../../shared/operations';
import { certificateRecord } from '../../support/certificate-record';

const certificate = certificateRecord;
const surveillanceOn = (today: string, c = certificate()) =>
  dueEntriesOf(c, today).find((e) => e.kind === 'surveillance')!;

describe('due entries', () => {
  it('counts the days to the surveillance deadline, a postponement included, negative once passed', () => {
    expect(surveillanceOn('2026-11-06')).toMatchObject({ due: '2027-01-05', daysLeft: 60, postponed: false });
    expect(surveillanceOn('2027-01-06').daysLeft).toBe(-1);
    expect(surveillanceOn('2026-12-01', certificate({ surveillancePostponedUntil: '2027-04-05' }))).toMatchObject({
      due: '2027-04-05',
      postponed: true,
    });
  });

  it('owes nothing once the certificate is not valid', () => {
    for (const status of ['suspended', 'withdrawn', 'cancelled', 'expired'] as const)
      expect(dueEntriesOf(certificate({ status }), '2026-12-01')).toEqual([]);
  });

  it('lists each certificate once per kind, within each window, earliest first', () => {
    const a = certificate();
    const b = certificate({ number: 'SM-SV-2026-000002', nextSurveillanceDue: '2026-12-20' });
    const list = dueList([a, b, a], '2026-12-01', { surveillance: 60, renewal: 180 });
    expect(list.map((e) => `${e.kind}:${e.number}`)).toEqual([
      'surveillance:SM-SV-2026-000002',
      'surveillance:SM-SV-2026-000001',
    ]);
  });

  it('groups by the Monday of the week the item falls due', () => {
    expect(weekOf('2026-11-23')).toBe('2026-11-23');
    expect(weekOf('2026-11-29')).toBe('2026-11-23');
    const weeks = groupByWeek([
      surveillanceOn('2026-12-01'),
      { ...surveillanceOn('2026-12-01'), kind: 'renewal', due: '2027-01-06' } as DueEntry,
    ]);
    expect(weeks.map((w) => [w.week, w.surveillance.length, w.renewal.length])).toEqual([['2027-01-04', 1, 1]]);
  });
});

describe('reminders', () => {
  it.each([
    [61, null],
    [60, 60],
    [31, 60],
    [30, 30],
    [0, 30],
    [-1, null],
  ] as const)('reminds of a surveillance %i days ahead at the %s-day threshold', (daysLeft, threshold) => {
    const entry = { ...surveillanceOn('2026-12-01'), daysLeft };
    expect(reminderFor(entry)?.threshold ?? null).toBe(threshold);
  });

  it('reminds of renewal at 180 and 90 days, but not while a renewal is under review', () => {
    const renewal = dueEntriesOf(certificate(), '2028-08-01').find((e) => e.kind === 'renewal')!;
    expect(reminderFor({ ...renewal, daysLeft: 150 })?.key).toBe('SM-SV-2026-000001#1#renewal#2029-01-04#180');
    expect(reminderFor({ ...renewal, daysLeft: 90 })?.threshold).toBe(90);
    expect(reminderFor({ ...renewal, daysLeft: 90, renewalOpen: true })).toBeNull();
  });

  it('says it in Chinese first, with an ASCII subject for e-mail', () => {
    const message = reminderMessage(reminderFor(surveillanceOn('2026-12-01'))!);
    expect(message.text.indexOf('监督审核')).toBeLessThan(message.text.indexOf('surveillance'));
    expect(message.asciiSubject).toMatch(/^[\x20-\x7e]+$/);
  });
});
