/**
 * The sweep reads only what is due, through the status/next-action index, and is safe to run twice or twice at
 * once: every certificate changes once, with one audit event.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../functions/service/sweep';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-01-05' });

async function issueMany(day: string, count: number): Promise<string[]> {
  sys.setNow(day);
  const numbers: string[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, () => issuedCertificate(sys.api, 85)),
    );
    numbers.push(...batch.map((c) => c.number as string));
  }
  return numbers;
}

async function eventsOf(number: string) {
  return (await sys.api.get(`/v1/staff/certificates/${number}/events`, 'admin-qian')).body.items as {
    action: string;
  }[];
}

describe('what the sweep reads', () => {
  let due: string[];
  beforeAll(async () => {
    due = await issueMany('2026-01-05', 5);
    // Many certificates that are not due yet: their first surveillance falls months later.
    await issueMany('2026-03-01', 40);
  });

  it('reads exactly the certificates that are due, however many others there are', async () => {
    sys.setNow('2027-01-06');
    const report = await runSweep(sys.deps);
    expect(report.read).toBe(due.length);
    expect(report.changed.map((c) => c.number).sort()).toEqual([...due].sort());
    expect(report.failed).toEqual([]);
  });

  it('changes nothing when run again the same day', async () => {
    const again = await runSweep(sys.deps);
    expect(again).toMatchObject({ read: 0, changed: [], conflicts: 0, failed: [] });
    for (const number of due)
      expect((await eventsOf(number)).filter((e) => e.action === 'sweep-suspendOverdue')).toHaveLength(1);
  });
});

describe('sweeps running at the same time', () => {
  it('changes each due certificate once, with one audit event, however many sweeps race', async () => {
    const due = await issueMany('2026-02-01', 12);
    sys.setNow('2027-02-02');
    const reports = await Promise.all([runSweep(sys.deps), runSweep(sys.deps), runSweep(sys.deps)]);

    const changed = reports.flatMap((r) => r.changed.filter((c) => due.includes(c.number)).map((c) => c.number));
    expect(changed.sort()).toEqual([...due].sort());
    expect(reports.flatMap((r) => r.failed)).toEqual([]);
    for (const number of due) {
      const events = await eventsOf(number);
      expect(events.filter((e) => e.action === 'sweep-suspendOverdue')).toHaveLength(1);
      const cert = (await sys.api.get(`/v1/staff/certificates/${number}`, 'admin-qian')).body;
      expect(cert.statusHistory.filter((h: { status: string }) => h.status === 'suspended')).toHaveLength(1);
      expect(cert.version).toBe(events.length);
    }
  });
});
