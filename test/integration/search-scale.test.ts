/**
 * Search at registry scale: 10 000 certificates seeded through the store port (the same pure functions that issue a
 * certificate write its items), then every organization looked for by a part from the middle of its name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type SeededOrganization, seedSearchCorpus } from '../../bench/search';
import { searchCertificates } from '../../functions/service/search';
import { searchQuerySchema } from '../../shared/search';
import { useTestSystem } from '../support/local-system';

const COUNT = 10_000;
const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
let orgs: SeededOrganization[];

beforeAll(async () => {
  orgs = await seedSearchCorpus(sys.deps.store, COUNT);
}, 600_000);

/** Follows the cursor until the organization shows up or the hits end; returns the pages it took. */
async function pagesToFind(org: SeededOrganization, q = org.middle): Promise<number> {
  let cursor: string | undefined;
  for (let pages = 1; pages <= 20; pages++) {
    const page = await searchCertificates(sys.deps, searchQuerySchema.parse({ q, ...(cursor ? { cursor } : {}) }));
    if (page.items.some((h) => h.number === org.number)) return pages;
    cursor = page.cursor;
    if (!cursor) return Infinity;
  }
  return Infinity;
}

describe(`name search over ${COUNT} certificates`, () => {
  it('finds 200 sampled organizations over HTTP by a middle part of the name, on the first page', async () => {
    for (let k = 0; k < 200; k++) {
      const org = orgs[(k * 7919) % COUNT]!;
      const res = await sys.api.get(`/v1/certificates?q=${encodeURIComponent(org.middle)}`);
      expect(res.status, org.middle).toBe(200);
      expect(res.body.matchedBy).toBe('name');
      const hit = res.body.items.find((h: any) => h.number === org.number);
      expect(hit, `${org.middle} in ${org.name}`).toMatchObject({
        organization: { name: org.name },
        status: org.status,
        level: org.level,
      });
    }
  }, 120_000);

  it('finds every one of them through the search service', async () => {
    const missing: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < orgs.length) {
        const org = orgs[next++]!;
        if ((await pagesToFind(org)) !== 1) missing.push(`${org.number} ${org.name} by ${org.middle}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(missing).toEqual([]);
  }, 300_000);

  it('finds English names by a word prefix and filters by status and level', async () => {
    const english = orgs.filter((o) => o.nameEn).slice(0, 50);
    for (const org of english) expect(await pagesToFind(org, org.nameEn!.split(' ')[0]!), org.nameEn).toBe(1);
    const suspended = orgs.find((o) => o.status === 'suspended')!;
    const valid = orgs.find((o) => o.status === 'valid')!;
    const bySuspended = (q: string) =>
      searchCertificates(sys.deps, searchQuerySchema.parse({ q, status: 'suspended' }));
    expect((await bySuspended(suspended.middle)).items.map((h) => h.number)).toContain(suspended.number);
    expect((await bySuspended(valid.middle)).items.map((h) => h.number)).not.toContain(valid.number);
    const wrongLevel = valid.level === 'five' ? 'four' : 'five';
    const byLevel = await searchCertificates(sys.deps, searchQuerySchema.parse({ q: valid.middle, level: wrongLevel }));
    expect(byLevel.items.map((h) => h.number)).not.toContain(valid.number);
  }, 60_000);

  it('pages through a part that thousands of names share, reading a bounded page each time, each hit once', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await sys.api.get(
        `/v1/certificates?q=${encodeURIComponent('华东')}&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(50);
      for (const h of res.body.items) {
        expect(seen.has(h.number)).toBe(false);
        seen.add(h.number);
      }
      cursor = res.body.cursor;
      pages++;
    } while (cursor);
    expect(seen.size).toBe(orgs.filter((o) => o.name.includes('华东')).length);
    expect(pages).toBeGreaterThan(10);
  }, 120_000);
});
