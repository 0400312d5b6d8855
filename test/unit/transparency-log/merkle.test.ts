import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  emptyRoot,
  fromBase64,
  fromHex,
  type Hash,
  inclusionProof,
  leafHash,
  nodeHash,
  sha256,
  toHex,
  treeHash,
  verifyConsistency,
  verifyInclusion,
} from '../../../shared/transparency-log';
import { memoryTree } from '../../support/merkle-memory';
import probes from './merkle-probes.json';

const LEAF_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
/** Roots of the trees of the first n leaf inputs, n = 0..8 (the reference implementation's test constants). */
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const b64 = (s: string) => fromBase64(s) ?? new Uint8Array([1, 2, 3]);
const leaves = (n: number) => Promise.all(Array.from({ length: n }, (_, i) => leafHash(new Uint8Array([i, i >> 8]))));

describe('RFC 9162 hashing', () => {
  it('hashes as Web Crypto does, for every length across the padding boundaries', async () => {
    for (let n = 0; n < 300; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 255);
      const reference = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
      expect(toHex(sha256(data)), `length ${n}`).toBe(toHex(reference));
    }
  });

  it('separates leaves from nodes with 0x00 and 0x01 and hashes the empty tree as SHA-256 of nothing', async () => {
    const enc = new TextEncoder();
    expect(toHex(await emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(await leafHash(new Uint8Array()))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(toHex(await leafHash(enc.encode('L123456')))).toBe(
      '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56',
    );
    expect(toHex(await nodeHash(enc.encode('N123'), enc.encode('N456')))).toBe(
      'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb',
    );
  });

  it('computes the reference roots for every tree of the reference leaves', async () => {
    const hashes = await Promise.all(LEAF_INPUTS.map((h) => leafHash(fromHex(h)!)));
    for (let n = 0; n <= 8; n++) {
      expect(toHex(await treeHash(await memoryTree(hashes.slice(0, n)), n))).toBe(ROOTS[n]);
    }
  });
});

describe('proof verification against the reference probes', () => {
  it('accepts every happy path and refuses every mutated inclusion proof', async () => {
    for (const p of probes.inclusion) {
      const ok = await verifyInclusion(p.leafIdx, p.treeSize, b64(p.leafHash), p.proof.map(b64), b64(p.root));
      expect(ok, p.file).toBe(!p.wantErr);
    }
  });

  it('accepts every happy path and refuses every mutated consistency proof', async () => {
    for (const p of probes.consistency) {
      const ok = await verifyConsistency(p.size1, p.size2, p.proof.map(b64), b64(p.root1), b64(p.root2));
      expect(ok, p.file).toBe(!p.wantErr);
    }
  });
});

describe('proof generation', () => {
  it('makes the reference proofs for the reference tree', async () => {
    const hashes = await Promise.all(LEAF_INPUTS.map((h) => leafHash(fromHex(h)!)));
    const read = await memoryTree(hashes);
    for (const p of probes.inclusion.filter((x) => !x.wantErr && x.treeSize > 0)) {
      const made = await inclusionProof(await memoryTree(hashes.slice(0, p.treeSize)), p.leafIdx, p.treeSize);
      expect(made.map(toHex), p.file).toEqual(p.proof.map((h) => toHex(b64(h))));
    }
    for (const p of probes.consistency.filter((x) => !x.wantErr && x.size1 > 0 && x.size2 <= 8)) {
      const made = await consistencyProof(read, p.size1, p.size2);
      expect(made.map(toHex), p.file).toEqual(p.proof.map((h) => toHex(b64(h))));
    }
  });

  it('makes inclusion proofs that verify for every entry of every tree up to 70 entries', async () => {
    const all = await leaves(70);
    for (let size = 1; size <= 70; size++) {
      const read = await memoryTree(all.slice(0, size));
      const root = await treeHash(read, size);
      for (let index = 0; index < size; index++) {
        const proof = await inclusionProof(read, index, size);
        expect(await verifyInclusion(index, size, all[index]!, proof, root)).toBe(true);
        // The same proof does not pass for a neighbour.
        if (size > 1) expect(await verifyInclusion(index, size, all[(index + 1) % size]!, proof, root)).toBe(false);
      }
    }
  });

  it('makes consistency proofs that verify between every pair of trees up to 40 entries, and only those', async () => {
    const all = await leaves(41);
    const roots: Hash[] = [];
    for (let n = 0; n <= 41; n++) roots.push(await treeHash(await memoryTree(all.slice(0, n)), n));
    for (let to = 1; to <= 40; to++) {
      const read = await memoryTree(all.slice(0, to));
      for (let from = 1; from <= to; from++) {
        const proof = await consistencyProof(read, from, to);
        expect(await verifyConsistency(from, to, proof, roots[from]!, roots[to]!)).toBe(true);
        if (from < to) expect(await verifyConsistency(from, to, proof, roots[from]!, roots[to + 1]!)).toBe(false);
      }
    }
  });

  it('refuses to prove an entry the tree does not have', async () => {
    const read = await memoryTree(await leaves(4));
    await expect(inclusionProof(read, 4, 4)).rejects.toThrow(RangeError);
    await expect(consistencyProof(read, 0, 4)).rejects.toThrow(RangeError);
    await expect(consistencyProof(read, 5, 4)).rejects.toThrow(RangeError);
  });
});
