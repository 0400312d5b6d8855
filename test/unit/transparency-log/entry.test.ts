import { describe, expect, it } from 'vitest';
import type { Certificate } from '../../../shared/model';
import { publicRecord } from '../../../shared/public-record';
import {
  type CertificateFacts,
  certificateFacts,
  decodeLogEntry,
  encodeLogEntry,
  type LogEntry,
  publicEventFor,
  replayEntry,
  unexplainedFields,
} from '../../../shared/transparency-log';
import { newOrganization } from '../../support/organizations';

function certificate(over: Partial<Certificate> = {}): Certificate {
  return {
    number: 'SM-SV-2026-000001',
    organization: { ...newOrganization(), address: '福州市某路 1 号' },
    scope: '家用电器的售后服务',
    level: 'five',
    score: 96.5,
    status: 'valid',
    cycle: 1,
    validFrom: '2026-01-10',
    validUntil: '2029-01-09',
    issuedAt: '2026-01-10T02:00:00.000Z',
    applicationId: '01J0000000000000000000000A',
    applicantSub: 'applicant-acme',
    lastSurveillance: null,
    nextSurveillanceDue: '2027-01-10',
    surveillancePostponedUntil: null,
    suspendedOn: null,
    clearedOn: null,
    surveillances: [{ date: '2026-06-01', total: 96, level: 'five', outcome: 'keep', evaluatorSub: 'evaluator-li' }],
    statusHistory: [{ date: '2026-01-10', status: 'valid', reasonCategory: 'issued', level: 'five' }],
    version: 3,
    eventSeq: 1,
    lastEventHash: 'ab'.repeat(32),
    ...over,
  };
}

const entryOf = (facts: CertificateFacts, prev: number | null, before: CertificateFacts | null = null): LogEntry => ({
  v: 1,
  type: 'starmark/certificate-event',
  event: publicEventFor(before, facts),
  at: '2026-01-10T02:00:00.000Z',
  prev,
  certificate: facts,
});

describe('log entries', () => {
  it('carry the public facts only: no score, address, applicant, evaluator or free-text reason', () => {
    const bytes = encodeLogEntry(entryOf(certificateFacts(certificate()), null));
    const text = new TextDecoder().decode(bytes);
    for (const secret of ['96.5', '福州', 'applicant-acme', 'evaluator-li', '01J0000000000000000000000A', 'abab']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toMatch(/^\{"at":.*"v":1\}$/);
  });

  it('decode only in their canonical spelling and version', () => {
    const entry = entryOf(certificateFacts(certificate()), null);
    const bytes = encodeLogEntry(entry);
    expect(decodeLogEntry(bytes)).toEqual(entry);
    const text = new TextDecoder().decode(bytes);
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(decodeLogEntry(enc(` ${text}`))).toBeUndefined();
    expect(decodeLogEntry(enc(text.replace('"v":1', '"v":2')))).toBeUndefined();
    expect(decodeLogEntry(enc(text.replace('"prev":null', '"applicantSub":"x","prev":null')))).toBeUndefined();
    expect(decodeLogEntry(new Uint8Array([0xff, 0xfe]))).toBeUndefined();
  });

  it('name the public event their facts show', () => {
    const valid = certificateFacts(certificate());
    const suspended = { ...valid, status: 'suspended' as const, statusReason: 'for_cause' as const };
    expect(publicEventFor(null, valid)).toBe('issued');
    expect(publicEventFor(valid, suspended)).toBe('suspended');
    expect(publicEventFor(suspended, valid)).toBe('reinstated');
    expect(publicEventFor(valid, { ...valid, cycle: 2 })).toBe('renewed');
    expect(publicEventFor(valid, { ...valid, level: 'four' })).toBe('level_changed');
    expect(publicEventFor(valid, { ...valid, lastSurveillance: '2027-01-05' })).toBe('changed');
    expect(publicEventFor(valid, { ...valid, status: 'expired' })).toBe('expired');
  });
});

describe('replaying the log', () => {
  it('follows each certificate through its chain of entries', () => {
    const state = new Map();
    const valid = certificateFacts(certificate());
    const suspended = { ...valid, status: 'suspended' as const, statusReason: 'for_cause' as const };
    expect(replayEntry(state, 0, encodeLogEntry(entryOf(valid, null)))).toBeUndefined();
    expect(replayEntry(state, 1, encodeLogEntry(entryOf(suspended, 0, valid)))).toBeUndefined();
    expect(state.get(valid.number)).toMatchObject({ index: 1, facts: { status: 'suspended' } });
  });

  it('catches an entry that skips its predecessor, and one whose event its facts do not show', () => {
    const state = new Map();
    const valid = certificateFacts(certificate());
    replayEntry(state, 0, encodeLogEntry(entryOf(valid, null)));
    const withdrawn = { ...valid, status: 'withdrawn' as const, statusReason: 'for_cause' as const };
    expect(replayEntry(state, 5, encodeLogEntry(entryOf(withdrawn, null)))).toMatchObject({ code: 'BROKEN_CHAIN' });
    const claimed = { ...entryOf(withdrawn, 0, valid), event: 'changed' as const };
    expect(replayEntry(state, 5, encodeLogEntry(claimed))).toMatchObject({ code: 'UNEXPLAINED_EVENT' });
    expect(state.get(valid.number).index).toBe(0);
  });

  it('explains a public record that says what the log says, and names the fields of one that does not', () => {
    const c = certificate();
    const now = new Date('2026-03-01T00:00:00Z');
    expect(unexplainedFields(certificateFacts(c), publicRecord(c, now), now)).toEqual([]);
    const rewritten = publicRecord({ ...c, status: 'valid', level: 'four' }, now);
    expect(unexplainedFields(certificateFacts(c), rewritten, now)).toEqual(['level']);
    // After its validity ends, the record shows expired before the sweep logs it: the log explains that too.
    const later = new Date('2029-02-01T00:00:00Z');
    expect(unexplainedFields(certificateFacts(c), publicRecord(c, later), later)).toEqual([]);
  });
});
