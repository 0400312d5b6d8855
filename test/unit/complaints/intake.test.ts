/**
 * The public intake's own rules: a proof of work that the page can solve and the function checks (fresh, enough
 * leading zero bits, well-formed), and schemas that bound every field and refuse what could break a console.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/audit/chain';
import {
  challengeExpiry,
  checkProof,
  INTAKE_LIMITS,
  leadingZeroBits,
  newChallenge,
  PROOF_OF_WORK,
  publicFilingSchema,
  solveProof,
} from '../../../shared/complaints';
import { sha256HexSync } from '../../../shared/complaints/sha256';
import * as z from '../../../shared/zod';

const NOW = new Date('2026-11-23T02:00:00Z');
// Few bits keep the unit tests fast; the default is checked on its own below.
const BITS = 8;

describe('the proof of work', () => {
  it('counts leading zero bits of a hex digest', () => {
    expect(leadingZeroBits('ffff')).toBe(0);
    expect(leadingZeroBits('7fff')).toBe(1);
    expect(leadingZeroBits('0fff')).toBe(4);
    expect(leadingZeroBits('00f0')).toBe(8);
    expect(leadingZeroBits('0001')).toBe(15);
    expect(leadingZeroBits('0000')).toBe(16);
  });

  it('is solved for a fresh challenge and accepted', async () => {
    const { challenge, bits, expiresAt } = newChallenge(NOW);
    expect(bits).toBe(PROOF_OF_WORK.bits);
    expect(Date.parse(expiresAt) - NOW.getTime()).toBe(PROOF_OF_WORK.validSeconds * 1000);
    const proof = await solveProof(challenge, BITS);
    expect(await checkProof(proof, NOW, BITS)).toBe('ok');
  });

  it('needs the default number of bits: a nonce good for fewer is refused as insufficient', async () => {
    const { challenge } = newChallenge(NOW);
    // The first nonce good for BITS has fewer than the default's bits but for a 1 in 256 chance: then try the next.
    let proof = await solveProof(challenge, BITS);
    while ((await checkProof(proof, NOW)) === 'ok')
      proof = await solveProof(challenge, BITS, { start: Number(proof.nonce) + 1 });
    expect(await checkProof(proof, NOW)).toBe('insufficient');
  });

  it('refuses a challenge past its validity, or dated in the future beyond the clock skew', async () => {
    const old = newChallenge(new Date(NOW.getTime() - PROOF_OF_WORK.validSeconds * 1000 - 1));
    expect(await checkProof(await solveProof(old.challenge, BITS), NOW, BITS)).toBe('expired');
    const future = newChallenge(new Date(NOW.getTime() + PROOF_OF_WORK.skewSeconds * 1000 + 1000));
    expect(await checkProof(await solveProof(future.challenge, BITS), NOW, BITS)).toBe('not-yet-valid');
  });

  it.each([
    ['a challenge without its date', { challenge: 'abc', nonce: '1' }],
    ['a nonce that is not a number', { challenge: newChallenge(NOW).challenge, nonce: '1e3' }],
    ['an empty nonce', { challenge: newChallenge(NOW).challenge, nonce: '' }],
  ])('refuses %s as malformed', async (_label, proof) => {
    expect(await checkProof(proof, NOW)).toBe('malformed');
  });

  it('says until when a spent challenge must be remembered', () => {
    const { challenge } = newChallenge(NOW);
    expect(challengeExpiry(challenge)).toBe(
      Math.floor(NOW.getTime() / 1000) + PROOF_OF_WORK.validSeconds + PROOF_OF_WORK.skewSeconds,
    );
    expect(challengeExpiry('nonsense')).toBeUndefined();
  });
});

describe('what the public may file', () => {
  const proof = { challenge: `${NOW.getTime()}.${'a'.repeat(32)}`, nonce: '1' };
  const report = {
    kind: 'counterfeit-report',
    verdict: 'BAD_SIGNATURE',
    token: 'eyJhbGciOiJFUzI1NiJ9.e30.sig',
    seenAt: { kind: 'shop', place: '某家电维修店', city: '福州' },
    proof,
  };
  const issues = (value: unknown) => {
    const parsed = z.safeParse(publicFilingSchema, value);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
  };

  it('accepts a report with only what it needs: no contact, no description', () => {
    expect(issues(report)).toEqual([]);
  });

  it('accepts a complaint about a certificate by its number', () => {
    const complaint = {
      kind: 'organization-complaint',
      number: 'SM-SV-2026-000001',
      description: '报修后两周无人上门，400 电话无人接听',
      proof,
    };
    expect(issues(complaint)).toEqual([]);
    expect(issues({ ...complaint, number: 'not-a-number' })).toEqual(['number']);
  });

  it('needs the token or the number a report is about', () => {
    const { token: _t, ...without } = report;
    expect(issues(without)).toEqual(['token']);
    expect(issues({ ...without, number: 'SM-SV-2026-999999' })).toEqual([]);
  });

  it('needs the link of an online store, and only an http(s) one', () => {
    expect(issues({ ...report, seenAt: { kind: 'online' } })).toEqual(['seenAt.link']);
    expect(issues({ ...report, seenAt: { kind: 'online', link: 'javascript:alert(1)' } })).toEqual(['seenAt.link']);
    expect(issues({ ...report, seenAt: { kind: 'online', link: 'https://shop.example/item/1' } })).toEqual([]);
  });

  it.each([
    [
      'a description over the limit',
      { description: '长'.repeat(INTAKE_LIMITS.maxDescriptionChars + 1) },
      'description',
    ],
    ['a token over the limit', { token: 'x'.repeat(INTAKE_LIMITS.maxTokenChars + 1) }, 'token'],
    ['a contact with a NUL byte', { contact: 'a@b.example\u0000' }, 'contact'],
    ['a place with a direction override', { seenAt: { kind: 'shop', place: '\u202E店' } }, 'seenAt.place'],
    ['a verdict that is not reportable', { verdict: 'VALID' }, 'verdict'],
    ['a field nobody asked for', { photoUrl: 'https://x.example' }, ''],
  ])('refuses %s', (_label, change, path) => {
    expect(issues({ ...report, ...change })).toEqual([path]);
  });
});

describe('the solver hashes as Web Crypto does', () => {
  it.each(['', 'abc', 'starmark-report-v1:1700000000000.00ff:12345', '长'.repeat(40), 'x'.repeat(119)])(
    'agrees on %j',
    async (text) => {
      expect(sha256HexSync(text)).toBe(await sha256Hex(text));
    },
  );

  it('solves the default difficulty, and the proof checks', async () => {
    const { challenge } = newChallenge(NOW);
    expect(await checkProof(await solveProof(challenge), NOW)).toBe('ok');
  });
});
