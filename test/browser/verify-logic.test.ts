/** The verify page's pure decisions: what it concludes from a signature check and a live status, and its key sets. */
import { describe, expect, it } from 'vitest';
import type { Certificate, CertificateStatus } from '../../shared/model';
import { type PublicCertificate, publicRecord } from '../../shared/public-record';
import type { StarLevel } from '../../shared/scheme';
import { checkMark, type StarMarkClaims } from '../../shared/star-mark';
import { refused, type StarMarkVerdict } from '../../shared/star-mark/verdict';
import { combine } from '../../web/src/verify/keys';
import { decide, type LiveStatus, type SignatureCheck } from '../../web/src/verify/verdict';
import { certificateRecord } from '../support/certificate-record';

const claims: StarMarkClaims = { number: 'SM-SV-2026-000001', level: 'four', validUntil: '2029-11-22', cycle: 1 };
const mark: StarMarkVerdict = { authentic: true, verdict: 'VALID', claims, kid: 'k1' };
const authentic: SignatureCheck = mark;
/** The same mark, checked on a day past the validity it carries. */
const printedExpired: SignatureCheck = { ...authentic, verdict: 'EXPIRED' };
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
      changes: [],
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
      // No longer in force: a look of its own, never the counterfeit's.
      ['withdrawn', 'ended'],
      ['cancelled', 'ended'],
      ['expired', 'ended'],
    ] as const;
    for (const [status, tone] of cases) {
      const v = decide(authentic, record({ status }), settled);
      expect([v.kind, v.tone, v.authentic]).toEqual([status, tone, true]);
    }
  });

  it('forged and malformed marks are counterfeit at once, whatever the keys or status', () => {
    for (const code of ['BAD_SIGNATURE', 'MALFORMED'] as const) {
      const v = decide(refused(code, 'x'), { state: 'pending' }, { settled: false, fresh: false });
      expect([v.kind, v.tone, v.code]).toEqual(['counterfeit', 'bad', code]);
    }
  });

  it('a revoked-key mark is never simply counterfeit: it can no longer prove itself, and the record is shown', () => {
    const v = decide(refused('REVOKED_KEY', 'x', 'oldkey01'), record({ status: 'valid' }), settled, undefined, {
      number: 'SM-SV-2026-000123',
      revokedOn: '2026-11-20T02:00:00Z',
    });
    expect([v.kind, v.tone, v.code, v.authentic]).toEqual(['key-withdrawn', 'warn', 'REVOKED_KEY', false]);
    expect(v.withdrawnKey).toEqual({ kid: 'oldkey01', number: 'SM-SV-2026-000123', revokedOn: '2026-11-20T02:00:00Z' });
  });

  it('an unknown key: still checking until the keys settle, counterfeit with fresh keys, unverifiable offline', () => {
    const sig: SignatureCheck = refused('UNKNOWN_KEY', 'x', 'zz');
    expect(decide(sig, { state: 'pending' }, { settled: false, fresh: false }).kind).toBe('checking');
    expect(decide(sig, { state: 'pending' }, settled)).toMatchObject({
      kind: 'counterfeit',
      code: 'UNKNOWN_KEY',
    });
    expect(decide(sig, { state: 'unreachable' }, offlineKeys)).toMatchObject({
      kind: 'unverifiable',
      tone: 'neutral',
    });
  });

  it('an authentic mark is not final before the server keys are in (a trusted key may have been revoked)', () => {
    expect(decide(authentic, record(), { settled: false, fresh: false }).kind).toBe('checking');
  });

  it('offline: genuine signature, status not checked; a printed validity that has ended is pointed out', () => {
    expect(decide(authentic, { state: 'unreachable' }, offlineKeys)).toMatchObject({
      kind: 'offline',
      tone: 'neutral',
      authentic: true,
      printedExpired: false,
    });
    expect(decide(printedExpired, { state: 'unreachable' }, offlineKeys)).toMatchObject({
      kind: 'offline',
      printedExpired: true,
    });
  });

  it('a level change and a renewal are stated; the live level is drawn', () => {
    const v = decide(authentic, record({ level: 'three', cycle: 2 }), settled);
    expect(v).toMatchObject({
      kind: 'valid',
      code: 'LEVEL_CHANGED',
      level: 'three',
      levelChanged: { printed: 'four', now: 'three' },
      renewed: { printed: 1, now: 2 },
    });
    expect(decide(authentic, record(), settled)).toMatchObject({ code: 'VALID' });
    expect(decide(authentic, record(), settled).levelChanged).toBeUndefined();
    // Suspended wins over the level change, which is still stated.
    expect(decide(authentic, record({ level: 'three', status: 'suspended' }), settled)).toMatchObject({
      kind: 'suspended',
      code: 'SUSPENDED',
      levelChanged: { printed: 'four', now: 'three' },
    });
  });

  it('a genuine signature over a number the register does not know is not to be trusted', () => {
    expect(decide(authentic, { state: 'not-found' }, settled)).toMatchObject({
      kind: 'counterfeit',
      code: 'UNKNOWN_NUMBER',
    });
    expect(decide(authentic, record({ number: 'SM-SV-2026-000002' }), settled)).toMatchObject({
      kind: 'counterfeit',
      code: 'UNKNOWN_NUMBER',
    });
  });

  it('no signature check yet, or a browser without Web Crypto', () => {
    expect(decide(null, { state: 'pending' }, settled).kind).toBe('checking');
    expect(decide('unsupported', { state: 'pending' }, settled).kind).toBe('unverifiable');
  });
});

describe('one rule for the page and the API', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const certificate = (status: CertificateStatus, level: StarLevel, cycle: number): Certificate =>
    certificateRecord({
      number: claims.number,
      status,
      level,
      cycle,
      validFrom: '2026-11-23',
      validUntil: '2029-11-22',
      issuedAt: '2026-11-23T02:00:00Z',
      nextSurveillanceDue: '2027-11-23',
    });

  it('reaches the verdict code POST /v1/verifications answers, for every status, level and cycle', () => {
    const statuses: CertificateStatus[] = ['valid', 'suspended', 'withdrawn', 'cancelled', 'expired'];
    for (const status of statuses)
      for (const level of ['three', 'four'] as const)
        for (const cycle of [1, 2]) {
          const stored = certificate(status, level, cycle);
          const api = checkMark(mark, stored, now);
          const page = decide(authentic, { state: 'record', record: publicRecord(stored, now) }, settled);
          expect(page.code, `${status} ${level} ${cycle}`).toBe(api.verdict);
        }
    expect(decide(authentic, { state: 'not-found' }, settled).code).toBe(checkMark(mark, undefined, now).verdict);
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
