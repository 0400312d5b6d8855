/**
 * Merkle tree math of RFC 9162 §2.1: the tree hash, inclusion proofs (§2.1.3) and consistency proofs (§2.1.4), each
 * both made and checked. Proofs are made from a reader of perfect subtree hashes, so the same code runs over the
 * published tiles (in Lambda, in the monitor) and over an in-memory tree (tests). Indices stay below 2^53, so plain
 * numbers with arithmetic (never 32-bit bitwise operators) carry them.
 */
import { equalBytes } from './bytes';
import { emptyRoot, HASH_SIZE, type Hash, nodeHash } from './hash';

/** The hash of the perfect subtree of 2^level leaves that starts at leaf index·2^level. */
export type NodeReader = (level: number, index: number) => Promise<Hash>;

const shr = (x: number, bits: number) => Math.floor(x / 2 ** bits);
const bitAt = (x: number, i: number) => shr(x, i) % 2;

function onesCount(x: number): number {
  let n = 0;
  for (let v = x; v > 0; v = Math.floor(v / 2)) n += v % 2;
  return n;
}

function trailingZeros(x: number): number {
  let n = 0;
  for (let v = x; v > 0 && v % 2 === 0; v /= 2) n++;
  return n;
}

/** The largest power of two strictly below n (n ≥ 2): the split point k of RFC 9162's recursion. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isSize = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** MTH(D[start:end]) for a range that the recursion visits: its left part is always a perfect, aligned subtree. */
export async function rangeHash(read: NodeReader, start: number, end: number): Promise<Hash> {
  const n = end - start;
  if (n <= 0) return emptyRoot();
  const level = trailingZeros(n);
  if (n === 2 ** level && start % n === 0) return read(level, start / n);
  const k = splitPoint(n);
  return nodeHash(await rangeHash(read, start, start + k), await rangeHash(read, start + k, end));
}

export const treeHash = (read: NodeReader, size: number): Promise<Hash> => rangeHash(read, 0, size);

/** PATH(index, D[0:size]), leaf's sibling first. */
export async function inclusionProof(read: NodeReader, index: number, size: number): Promise<Hash[]> {
  if (!isSize(index) || !isSize(size) || index >= size) throw new RangeError(`no entry ${index} in a tree of ${size}`);
  const topDown: Hash[] = [];
  let [start, end] = [0, size];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      topDown.push(await rangeHash(read, start + k, end));
      end = start + k;
    } else {
      topDown.push(await rangeHash(read, start, start + k));
      start += k;
    }
  }
  return topDown.reverse();
}

/** PROOF(from, D[0:to]) = SUBPROOF(from, D[0:to], true). */
export async function consistencyProof(read: NodeReader, from: number, to: number): Promise<Hash[]> {
  if (!isSize(from) || !isSize(to) || from === 0 || from > to) throw new RangeError(`no proof from ${from} to ${to}`);
  const appended: Hash[] = [];
  let [start, end, whole] = [0, to, true];
  for (;;) {
    const size = end - start;
    if (from - start === size) {
      if (!whole) appended.push(await rangeHash(read, start, end));
      break;
    }
    const k = splitPoint(size);
    if (from - start <= k) {
      appended.push(await rangeHash(read, start + k, end));
      end = start + k;
    } else {
      appended.push(await rangeHash(read, start, start + k));
      start += k;
      whole = false;
    }
  }
  return appended.reverse();
}

// Verification, after the reference implementation's decomposition: a proof is the inner part (siblings below the
// point where the paths to the leaf and to the last leaf diverge) and the border part (left siblings above it).

/** Levels until the paths to leaf `index` and to the last leaf of a tree of `size` meet. */
function innerProofSize(index: number, size: number): number {
  let level = 0;
  while (shr(index, level) !== shr(size - 1, level)) level++;
  return level;
}

function chainInner(seed: Hash, proof: readonly Hash[], index: number): Hash {
  let h = seed;
  for (const [i, p] of proof.entries()) h = bitAt(index, i) === 0 ? nodeHash(h, p) : nodeHash(p, h);
  return h;
}

function chainInnerRight(seed: Hash, proof: readonly Hash[], index: number): Hash {
  let h = seed;
  for (const [i, p] of proof.entries()) if (bitAt(index, i) === 1) h = nodeHash(p, h);
  return h;
}

function chainBorderRight(seed: Hash, proof: readonly Hash[]): Hash {
  let h = seed;
  for (const p of proof) h = nodeHash(p, h);
  return h;
}

const wellFormed = (hashes: readonly Hash[]) => hashes.every((h) => h.length === HASH_SIZE);

/** The root an inclusion proof leads to, or undefined when the proof cannot be one for that index and size. */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leaf: Hash,
  proof: readonly Hash[],
): Hash | undefined {
  if (!isSize(index) || !isSize(size) || index >= size) return undefined;
  if (leaf.length !== HASH_SIZE || !wellFormed(proof)) return undefined;
  const inner = innerProofSize(index, size);
  const border = onesCount(shr(index, inner));
  if (proof.length !== inner + border) return undefined;
  return chainBorderRight(chainInner(leaf, proof.slice(0, inner), index), proof.slice(inner));
}

export function verifyInclusion(index: number, size: number, leaf: Hash, proof: readonly Hash[], root: Hash): boolean {
  const computed = rootFromInclusionProof(index, size, leaf, proof);
  return computed !== undefined && equalBytes(computed, root);
}

/** True when the tree of size `to` with root2 extends the tree of size `from` with root1 (0 < from ≤ to). */
export function verifyConsistency(from: number, to: number, proof: readonly Hash[], root1: Hash, root2: Hash): boolean {
  if (!isSize(from) || !isSize(to) || from === 0 || from > to || !wellFormed(proof)) return false;
  if (from === to) return proof.length === 0 && equalBytes(root1, root2);
  if (proof.length === 0) return false;
  const shift = trailingZeros(from);
  const inner = innerProofSize(from - 1, to) - shift;
  const border = onesCount(shr(from - 1, inner + shift));
  // When the old tree is perfect, its root is the proof's seed and the proof leaves it out.
  const perfect = from === 2 ** shift;
  const seed = perfect ? root1 : proof[0]!;
  const rest = perfect ? proof : proof.slice(1);
  if (rest.length !== inner + border) return false;
  const mask = shr(from - 1, shift);
  const innerPart = rest.slice(0, inner);
  const borderPart = rest.slice(inner);
  const hash1 = chainBorderRight(chainInnerRight(seed, innerPart, mask), borderPart);
  if (!equalBytes(hash1, root1)) return false;
  const hash2 = chainBorderRight(chainInner(seed, innerPart, mask), borderPart);
  return equalBytes(hash2, root2);
}
