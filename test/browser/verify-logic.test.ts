/** The verify page's pure decisions: what it concludes from a signature check and a live status, and its key sets. */
import { describe, expect, it } from 'vitest';
import type { PublicCertificate } from '../../shared/public-record';
import { combine } from '../../web/src/verify/keys';
import { decide, type LiveStatus, type MarkClaims, type SignatureCheck } from '../../web/src/verify/verdict';

const TODAY = '2026-11-23';
const claims: MarkClaims = {
  number: 'SM-SV-2026-000001',
  level: 'four',
  validUntil: '2029-11-22',
  cycle: 1,
  kid: 'k1',
};
const authentic: SignatureCheck = { outcome: 'authentic', claims };
const settled = { settled: true, fresh: true };
const offlineKeys = { settled: true, fresh: false };

function record(over: Partial<PublicCertificate> = {}): LiveStatus {
  return {
    state: 'record',
    record: {
      number: claims.number,
      organization: { name: '测试', creditCode: '91310115136275177H' },
      scope: 's',
      level: 'four',
      levelName: { zh: '四星级', en: 'four-star' },
      scoreBand: '90–94.9',
      status: 'valid',
      cycle: 1,
      validFrom: '2026-11-23',
      validUntil: '2029-11-22',
      lastSurveillance: null,
      nextSurveillance: '2027-11-23',
      statusHistory: [],
      asOf: '2026-11-23T02:00:00Z',
      ...over,
    },
  };
}

describe('decide', () => {
  it('the live status decides the colour of a genuine mark', () => {
    const cases = [
      ['valid', 'good'],
      ['suspended', 'warn'],
      ['withdrawn', 'bad'],
      ['cancelled', 'bad'],
      ['expired', 'bad'],
    ] as const;
    for (const [status, tone] of cases) {
      const v = decide(authentic, record({ status }), settled, TODAY);
      expect([v.kind, v.tone, v.authentic]).toEqual([status, tone, true]);
    }
  });

  it('forged, malformed and revoked-key marks are counterfeit at once, whatever the keys or status', () => {
    for (const code of ['BAD_SIGNATURE', 'MALFORMED', 'REVOKED_KEY'] as const) {
      const v = decide({ outcome: 'forged', code }, { state: 'pending' }, { settled: false, fresh: false }, TODAY);
      expect([v.kind, v.tone, v.reason]).toEqual(['counterfeit', 'bad', code]);
    }
  });

  it('an unknown key: still checking until the keys settle, counterfeit with fresh keys, unverifiable offline', () => {
    const sig: SignatureCheck = { outcome: 'unknown-key', kid: 'zz' };
    expect(decide(sig, { state: 'pending' }, { settled: false, fresh: false }, TODAY).kind).toBe('checking');
    expect(decide(sig, { state: 'pending' }, settled, TODAY)).toMatchObject({
      kind: 'counterfeit',
      reason: 'UNKNOWN_KEY',
    });
    expect(decide(sig, { state: 'unreachable' }, offlineKeys, TODAY)).toMatchObject({
      kind: 'unverifiable',
      tone: 'neutral',
    });
  });

  it('an authentic mark is not final before the server keys are in (a trusted key may have been revoked)', () => {
    expect(decide(authentic, record(), { settled: false, fresh: false }, TODAY).kind).toBe('checking');
  });

  it('offline: genuine signature, status not checked; a printed validity that has ended is pointed out', () => {
    expect(decide(authentic, { state: 'unreachable' }, offlineKeys, TODAY)).toMatchObject({
      kind: 'offline',
      tone: 'neutral',
      authentic: true,
      printedExpired: false,
    });
    expect(decide(authentic, { state: 'unreachable' }, offlineKeys, '2029-11-23')).toMatchObject({
      kind: 'offline',
      printedExpired: true,
    });
  });

  it('a level change and a renewal are stated; the live level is drawn', () => {
    const v = decide(authentic, record({ level: 'three', cycle: 2 }), settled, TODAY);
    expect(v).toMatchObject({
      kind: 'valid',
      level: 'three',
      levelChanged: { printed: 'four', now: 'three' },
      renewed: { printed: 1, now: 2 },
    });
    expect(decide(authentic, record(), settled, TODAY).levelChanged).toBeUndefined();
  });

  it('a genuine signature over a number the register does not know is not to be trusted', () => {
    expect(decide(authentic, { state: 'not-found' }, settled, TODAY)).toMatchObject({
      kind: 'counterfeit',
      reason: 'UNKNOWN_NUMBER',
    });
    expect(decide(authentic, record({ number: 'SM-SV-2026-000002' }), settled, TODAY)).toMatchObject({
      kind: 'counterfeit',
    });
  });

  it('no signature check yet, or a browser without Web Crypto', () => {
    expect(decide(null, { state: 'pending' }, settled, TODAY).kind).toBe('checking');
    expect(decide({ outcome: 'unsupported' }, { state: 'pending' }, settled, TODAY).kind).toBe('unverifiable');
  });
});

describe('key sets', () => {
  const k = (kid: string) => ({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid });

  it('online, the server set alone counts; offline, the union of stored and baked', () => {
    const server = { keys: [k('a')], revoked: [] };
    const stored = { keys: [k('b')], revoked: [] };
    expect(combine(server, [stored]).keys.map((x) => x.kid)).toEqual(['a']);
    expect(combine(stored, [server], false).keys.map((x) => x.kid)).toEqual(['b', 'a']);
  });

  it('a revocation seen anywhere sticks: an older set cannot bring the key back', () => {
    const stored = { keys: [k('a'), k('b')], revoked: [] };
    const server = { keys: [k('b')], revoked: [{ kid: 'a' }] };
    const merged = combine(server, [stored]);
    expect(merged).toEqual({ keys: [k('b')], revoked: [{ kid: 'a' }] });
    const baked = { keys: [k('a')], revoked: [] };
    expect(combine(merged, [baked], false).keys.map((x) => x.kid)).toEqual(['b']);
  });
});
