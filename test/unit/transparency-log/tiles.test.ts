import { describe, expect, it } from 'vitest';
import {
  decodeEntryBundle,
  encodeEntryBundle,
  encodeTileIndex,
  entryBundlePath,
  inclusionProof,
  integrate,
  leafHash,
  MissingTile,
  parseTilePath,
  type TileFile,
  tileNodeReader,
  tilePath,
  tileWidth,
  toHex,
  treeHash,
} from '../../../shared/transparency-log';
import { memoryTree } from '../../support/merkle-memory';

const entry = (i: number) => new TextEncoder().encode(`entry ${i}`);

/** A store of tile files as an integrator leaves them, for the reader and the next integration. */
function tileStore() {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    fetch: async (path: string) => files.get(path),
    write: (written: TileFile[]) => {
      for (const f of written) files.set(f.path, f.data);
    },
  };
}

describe('tile paths', () => {
  it('encodes the index in 3-digit groups with x prefixes, and partial tiles with .p/<width>', () => {
    expect(encodeTileIndex(1234067)).toBe('x001/x234/067');
    expect(encodeTileIndex(0)).toBe('000');
    expect(encodeTileIndex(1000)).toBe('x001/000');
    expect(tilePath(0, 1234067, 256)).toBe('tile/0/x001/x234/067');
    expect(tilePath(2, 5, 17)).toBe('tile/2/005.p/17');
    expect(entryBundlePath(3, 1)).toBe('tile/entries/003.p/1');
  });

  it('parses exactly the paths it writes', () => {
    expect(parseTilePath('tile/0/x001/x234/067')).toEqual({ kind: 'hashes', level: 0, index: 1234067, width: 256 });
    expect(parseTilePath('tile/entries/003.p/1')).toEqual({ kind: 'entries', index: 3, width: 1 });
    for (const bad of ['tile/0/1', 'tile/64/000', 'tile/0/000.p/256', 'tile/0/000.p/0', 'tile/0/x000/001', '../x']) {
      expect(parseTilePath(bad), bad).toBeUndefined();
    }
  });

  it('gives the tiles of a tree of 70,000 entries as the spec lists them', () => {
    const size = 70_000;
    expect(tileWidth(0, 272, size)).toBe(256);
    expect(tileWidth(0, 273, size)).toBe(112);
    expect(tileWidth(0, 274, size)).toBe(0);
    expect(tileWidth(1, 0, size)).toBe(256);
    expect(tileWidth(1, 1, size)).toBe(17);
    expect(tileWidth(2, 0, size)).toBe(1);
    expect(tileWidth(3, 0, size)).toBe(0);
  });
});

describe('entry bundles', () => {
  it('are big-endian uint16 length-prefixed entries, and a truncated bundle is refused', () => {
    const bundle = encodeEntryBundle([new Uint8Array([7]), new Uint8Array(300)]);
    expect([...bundle.slice(0, 3)]).toEqual([0, 1, 7]);
    expect([...bundle.slice(3, 5)]).toEqual([1, 44]);
    expect(decodeEntryBundle(bundle)?.map((e) => e.length)).toEqual([1, 300]);
    expect(decodeEntryBundle(bundle.slice(0, -1))).toBeUndefined();
  });
});

describe('integration into tiles', () => {
  it('grows the tree in uneven batches to the same root and proofs as a tree built at once', async () => {
    const store = tileStore();
    const all = Array.from({ length: 70_000 }, (_, i) => entry(i));
    let size = 0;
    for (const batch of [1, 254, 1, 1, 300, 65_280, 4163]) {
      const out = await integrate(size, all.slice(size, size + batch), store.fetch);
      store.write(out.files);
      size = out.size;
    }
    expect(size).toBe(70_000);
    const reference = await memoryTree(await Promise.all(all.map(leafHash)));
    const fromTiles = tileNodeReader(size, store.fetch);
    expect(toHex(await treeHash(fromTiles, size))).toBe(toHex(await treeHash(reference, size)));
    for (const index of [0, 255, 256, 65_535, 65_536, 69_999]) {
      const a = await inclusionProof(fromTiles, index, size);
      expect(a.map(toHex)).toEqual((await inclusionProof(reference, index, size)).map(toHex));
    }
    // The files of the final tree are there, full and partial, as the spec lists them.
    for (const path of ['tile/0/272', 'tile/0/273.p/112', 'tile/1/000', 'tile/1/001.p/17', 'tile/2/000.p/1']) {
      expect(store.files.has(path), path).toBe(true);
    }
    expect(decodeEntryBundle(store.files.get('tile/entries/273.p/112')!)?.[111]).toEqual(entry(69_999));
  });

  it('writes the same bytes when an integration is run again, so a crash halfway loses nothing', async () => {
    const store = tileStore();
    store.write((await integrate(0, [entry(0), entry(1)], store.fetch)).files);
    const first = await integrate(2, [entry(2), entry(3)], store.fetch);
    store.write(first.files.slice(0, 1));
    const again = await integrate(2, [entry(2), entry(3)], store.fetch);
    expect(again.files.map((f) => [f.path, toHex(f.data)])).toEqual(first.files.map((f) => [f.path, toHex(f.data)]));
    expect(toHex(again.root)).toBe(toHex(first.root));
  });

  it('refuses to grow a tree whose partial tile is missing', async () => {
    const store = tileStore();
    store.write((await integrate(0, [entry(0)], store.fetch)).files);
    store.files.delete('tile/0/000.p/1');
    await expect(integrate(1, [entry(1)], store.fetch)).rejects.toThrow(MissingTile);
  });
});
