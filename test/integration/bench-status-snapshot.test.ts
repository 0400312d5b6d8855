/**
 * The bench's status-snapshot corpus (bench/status-snapshot-size.ts) measures what it says: 2% of 100,000
 * certificates, spread over every series, all listed by the real snapshot the system serves, with their statuses.
 */
import { describe, expect, it } from 'vitest';
import { seedStatusList, servedSnapshot, statusCorpus } from '../../bench/status-snapshot-size';
import { snapshotEntryOf, verifySnapshot } from '../../shared/status-snapshot';
import { useTestSystem } from '../support/local-system';

const sys = useTestSystem({ now: '2026-11-23' });

describe('the status-snapshot bench corpus', () => {
  it('is 2,000 distinct certificates over three series, each of them listed by the served snapshot', {
    timeout: 120_000,
  }, async () => {
    const corpus = statusCorpus(100_000, 0.02);
    const numbers = corpus.listed.map((c) => c.number);
    expect(new Set(numbers).size).toBe(2000);
    expect(new Set(numbers.map((n) => n.slice(0, 10)))).toEqual(new Set(['SM-SV-2024', 'SM-SV-2025', 'SM-SV-2026']));

    await seedStatusList(sys, corpus);
    const served = await servedSnapshot(sys);
    const jwks = (await sys.api.get('/.well-known/jwks.json')).body;
    const check = await verifySnapshot(served.jws, jwks, sys.deps.clock());
    if (!check.ok) throw new Error(`${check.code}: ${check.reason}`);
    expect(check.snapshot.entries.size).toBe(2000);
    for (const c of corpus.listed) expect(check.snapshot.entries.get(c.number)).toEqual(snapshotEntryOf(c));
    expect(new Set([...check.snapshot.entries.values()].map((e) => e.status))).toEqual(
      new Set(['suspended', 'withdrawn', 'cancelled', 'valid']),
    );
    expect(served.raw).toBe(served.jws.length);
    expect(served.gzip).toBeLessThan(served.raw);
  });
});
