/**
 * RFC 9162 §2.1 hashing: leaf = SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖ left ‖ right), the empty tree's root is
 * SHA-256 of nothing. The domain-separation bytes stop a leaf from passing for a node.
 */
import { sha256Sync } from './sha256';

export type Hash = Uint8Array;
export const HASH_SIZE = 32;

export const sha256 = sha256Sync;

export function leafHash(entry: Uint8Array): Hash {
  const input = new Uint8Array(entry.length + 1);
  input.set(entry, 1);
  return sha256Sync(input);
}

export function nodeHash(left: Hash, right: Hash): Hash {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = 1;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256Sync(input);
}

export const emptyRoot = (): Hash => sha256Sync(new Uint8Array(0));
