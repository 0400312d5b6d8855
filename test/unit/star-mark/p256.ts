/**
 * ECDSA P-256 over a digest the caller already computed — what KMS does with MessageType DIGEST, and what neither
 * Node's crypto nor Web Crypto offers (both hash the input again). Test-only, for the KMS stand-in; its output is
 * checked against Node's own verifier in kms.test.ts, so the stand-in is real ECDSA in real DER.
 */
import { randomBytes } from 'node:crypto';

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const G: Point = [
  0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
];
type Point = [bigint, bigint] | null;

const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;

function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1, t0, t1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, t0, t1] = [r1, r0 - q * r1, t1, t0 - q * t1];
  }
  return mod(t0, m);
}

function add(a: Point, b: Point): Point {
  if (!a) return b;
  if (!b) return a;
  if (a[0] === b[0] && mod(a[1] + b[1], P) === 0n) return null;
  const slope =
    a[0] === b[0]
      ? mod((3n * a[0] * a[0] - 3n) * inverse(2n * a[1], P), P)
      : mod((b[1] - a[1]) * inverse(b[0] - a[0], P), P);
  const x = mod(slope * slope - a[0] - b[0], P);
  return [x, mod(slope * (a[0] - x) - a[1], P)];
}

function multiply(k: bigint, point: Point): Point {
  let result: Point = null;
  for (let addend = point; k > 0n; k >>= 1n, addend = add(addend, addend)) if (k & 1n) result = add(result, addend);
  return result;
}

const toBig = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);

/** Minimal DER INTEGER: no leading zero bytes, plus a 0x00 sign byte when the high bit is set. */
function derInteger(value: bigint): number[] {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const bytes = [...Buffer.from(hex, 'hex')];
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return [0x02, bytes.length, ...bytes];
}

/** Signs a 32-byte digest with private scalar `d`; answers DER, as KMS does. */
export function signDigest(d: Uint8Array, digest: Uint8Array): Uint8Array {
  const z = toBig(digest);
  const secret = toBig(d);
  for (;;) {
    const k = mod(toBig(randomBytes(32)), N);
    if (k === 0n) continue;
    const r = mod(multiply(k, G)![0], N);
    const s = mod(inverse(k, N) * (z + r * secret), N);
    if (r === 0n || s === 0n) continue;
    const body = [...derInteger(r), ...derInteger(s)];
    return Uint8Array.from([0x30, body.length, ...body]);
  }
}
