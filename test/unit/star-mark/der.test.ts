import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DerSignatureError, derToJoseSignature } from '../../../functions/signing/der';

const bytes = (n: number, fill: number) => new Array<number>(n).fill(fill);
const integer = (value: number[]) => [0x02, value.length, ...value];
const sequence = (...parts: number[][]) => {
  const body = parts.flat();
  return Uint8Array.from([0x30, body.length, ...body]);
};
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('a DER ECDSA signature as JWS wants it (r‖s, 32 bytes each)', () => {
  it('drops the 0x00 sign byte of a 33-byte integer whose high bit is set', () => {
    const out = derToJoseSignature(sequence(integer([0x00, ...bytes(32, 0xff)]), integer(bytes(32, 0x11))));
    expect(hex(out)).toBe('ff'.repeat(32) + '11'.repeat(32));
  });

  it('pads a short r (leading zero bytes stripped by DER) back to 32 bytes', () => {
    const out = derToJoseSignature(sequence(integer(bytes(31, 0x22)), integer(bytes(32, 0x33))));
    expect(hex(out)).toBe(`00${'22'.repeat(31)}${'33'.repeat(32)}`);
  });

  it('pads a very short s', () => {
    const out = derToJoseSignature(sequence(integer(bytes(32, 0x44)), integer([0x01])));
    expect(hex(out)).toBe(`${'44'.repeat(32) + '00'.repeat(31)}01`);
  });

  it('handles both integers at 33 bytes, the longest a P-256 signature gets', () => {
    const der = sequence(integer([0x00, 0x80, ...bytes(31, 0x01)]), integer([0x00, 0x90, ...bytes(31, 0x02)]));
    expect(der.length).toBe(72);
    expect(hex(derToJoseSignature(der))).toBe(`80${'01'.repeat(31)}90${'02'.repeat(31)}`);
  });

  it('keeps a short integer whose first remaining byte has the high bit set after its sign byte', () => {
    const out = derToJoseSignature(sequence(integer([0x00, 0x80, ...bytes(29, 0x05)]), integer(bytes(32, 0x06))));
    expect(hex(out)).toBe(`000080${'05'.repeat(29)}${'06'.repeat(32)}`);
  });

  it.each([
    ['a wrong outer tag', Uint8Array.from([0x31, 6, ...integer([1]), ...integer([1])])],
    ['a SEQUENCE length that does not match', Uint8Array.from([0x30, 9, ...integer([1]), ...integer([1])])],
    ['bytes after s', Uint8Array.from([...sequence(integer([1]), integer([1])), 0x00])],
    ['a missing s', sequence(integer([1]))],
    ['an integer of 33 significant bytes', sequence(integer([0x01, ...bytes(32, 0)]), integer([1]))],
    ['a negative integer', sequence(integer([0x80, ...bytes(31, 0)]), integer([1]))],
    ['a zero integer', sequence(integer([0x00]), integer([1]))],
    ['an empty integer', sequence([0x02, 0x00], integer([1]))],
    ['a truncated integer', Uint8Array.from([0x30, 4, 0x02, 5, 1, 1])],
    ['an empty input', new Uint8Array(0)],
  ])('refuses %s', (_what, der) => {
    expect(() => derToJoseSignature(der)).toThrow(DerSignatureError);
  });

  it('turns 2000 real DER signatures into r‖s that verify, including 33-byte and short integers', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const seen = { signByte: 0, short: 0 };
    for (let i = 0; i < 2000; i++) {
      const message = Buffer.from(`signing input ${i}`);
      const der = sign('sha256', message, privateKey);
      const rLength = der[3]!;
      const sLength = der[4 + rLength + 1]!;
      if (rLength === 33 || sLength === 33) seen.signByte++;
      if (rLength < 32 || sLength < 32) seen.short++;
      const raw = derToJoseSignature(der);
      expect(raw).toHaveLength(64);
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw)).toBe(true);
    }
    expect(seen.signByte).toBeGreaterThan(0);
    expect(seen.short).toBeGreaterThan(0);
  });
});
