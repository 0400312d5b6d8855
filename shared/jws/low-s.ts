/**
 * ECDSA signatures are malleable: if (r, s) verifies, so does (r, n − s). A receipt's id is the hash of its JWS, so
 * without a rule one receipt would have two ids. The rule (as in Bitcoin's BIP 62 and Ethereum's EIP-2): s is at most
 * n/2. Every JWS this registry signs is written that way, and kinds that are cited by id accept nothing else.
 */

/** The order of the P-256 group (FIPS 186-4 D.1.2.3). */
export const P256_ORDER = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
const HALF_ORDER = P256_ORDER >> 1n;
const HALF = 32;

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return value;
}

function toBytes(value: bigint): Uint8Array {
  const out = new Uint8Array(HALF);
  let rest = value;
  for (let i = HALF - 1; i >= 0; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

/** True when an r‖s signature (64 bytes) has its s in the lower half of the group. */
export function isLowS(signature: Uint8Array): boolean {
  if (signature.length !== HALF * 2) return false;
  return toBigInt(signature.subarray(HALF)) <= HALF_ORDER;
}

/** The same signature with s replaced by n − s: the twin that verifies too. Used to write low-S, and by tests. */
export function flipS(signature: Uint8Array): Uint8Array {
  const out = new Uint8Array(signature);
  out.set(toBytes(P256_ORDER - toBigInt(signature.subarray(HALF))), HALF);
  return out;
}

/** The low-S form of an r‖s signature: unchanged when it already is. */
export function lowS(signature: Uint8Array): Uint8Array {
  return isLowS(signature) ? signature : flipS(signature);
}
