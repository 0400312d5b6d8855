/**
 * KMS answers an ECDSA signature in DER (`SEQUENCE { INTEGER r, INTEGER s }`, RFC 3279); JWS wants the two integers
 * as fixed 32-byte big-endian halves (RFC 7518 §3.4). DER integers are minimal and signed: a value with its high bit
 * set gets a 0x00 sign byte (33 bytes), a value with leading zero bytes is shorter than 32. Both are normalized here;
 * anything that is not a well-formed pair of positive integers below 2^256 is refused.
 */
const SEQUENCE = 0x30;
const INTEGER = 0x02;

export class DerSignatureError extends Error {
  override readonly name = 'DerSignatureError';
}

function readLength(der: Uint8Array, at: number): [length: number, next: number] {
  const first = der[at];
  if (first === undefined) throw new DerSignatureError('truncated length');
  if (first < 0x80) return [first, at + 1];
  // Long form: an ECDSA P-256 signature never needs more than one length byte (at most 72 bytes).
  if (first !== 0x81) throw new DerSignatureError('unsupported length form');
  const value = der[at + 1];
  if (value === undefined || value < 0x80) throw new DerSignatureError('bad long-form length');
  return [value, at + 2];
}

function readInteger(der: Uint8Array, at: number, size: number): [value: Uint8Array, next: number] {
  if (der[at] !== INTEGER) throw new DerSignatureError('expected an INTEGER');
  const [length, start] = readLength(der, at + 1);
  const end = start + length;
  if (length === 0 || end > der.length) throw new DerSignatureError('truncated INTEGER');
  let bytes = der.subarray(start, end);
  if (bytes[0]! & 0x80) throw new DerSignatureError('negative INTEGER');
  let skip = 0;
  while (skip < bytes.length - 1 && bytes[skip] === 0) skip++;
  bytes = bytes.subarray(skip);
  if (bytes.length > size) throw new DerSignatureError(`INTEGER longer than ${size} bytes`);
  if (bytes.every((b) => b === 0)) throw new DerSignatureError('zero INTEGER');
  const fixed = new Uint8Array(size);
  fixed.set(bytes, size - bytes.length);
  return [fixed, end];
}

/** DER ECDSA signature → r‖s, each padded to `size` bytes (32 for P-256). */
export function derToJoseSignature(der: Uint8Array, size = 32): Uint8Array {
  if (der[0] !== SEQUENCE) throw new DerSignatureError('expected a SEQUENCE');
  const [length, start] = readLength(der, 1);
  if (start + length !== der.length) throw new DerSignatureError('SEQUENCE length does not match');
  const [r, afterR] = readInteger(der, start, size);
  const [s, afterS] = readInteger(der, afterR, size);
  if (afterS !== der.length) throw new DerSignatureError('trailing bytes after s');
  const out = new Uint8Array(size * 2);
  out.set(r, 0);
  out.set(s, size);
  return out;
}
