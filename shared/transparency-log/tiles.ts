/**
 * The C2SP tlog-tiles layout: the tree published as static files. A tile holds up to 256 consecutive hashes of one
 * level (level L holds the hashes of the tree's level 8·L); the rightmost tile of a level may be partial, served as
 * `.p/<width>`. Entry bundles hold the entries of a level-0 tile, each as a big-endian uint16 length and the bytes.
 */
import { concat } from './bytes';
import { HASH_SIZE, type Hash, nodeHash } from './hash';
import type { NodeReader } from './merkle';

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
export const MAX_ENTRY_BYTES = 0xffff;

/** `<N>` of a tile path: 3-digit groups, all but the last prefixed with `x` (1234067 → x001/x234/067). */
export function encodeTileIndex(index: number): string {
  const groups: string[] = [];
  let n = index;
  do {
    groups.unshift(String(n % 1000).padStart(3, '0'));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

const suffix = (width: number) => (width === TILE_WIDTH ? '' : `.p/${width}`);

export function tilePath(level: number, index: number, width: number): string {
  return `tile/${level}/${encodeTileIndex(index)}${suffix(width)}`;
}

export function entryBundlePath(index: number, width: number): string {
  return `tile/entries/${encodeTileIndex(index)}${suffix(width)}`;
}

const TILE_PATH =
  /^tile\/(entries|[0-9]|[1-5][0-9]|6[0-3])\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]?|1[0-9]{2}|2[0-4][0-9]|25[0-5]))?$/;

/** Parses a tile or bundle path (relative to the log's prefix); undefined for anything else. */
export function parseTilePath(
  path: string,
):
  | { kind: 'hashes'; level: number; index: number; width: number }
  | { kind: 'entries'; index: number; width: number }
  | undefined {
  const m = TILE_PATH.exec(path);
  if (!m) return undefined;
  const index = Number(m[2]!.replaceAll('x', '').replaceAll('/', ''));
  const groups = m[2]!.split('/');
  // One spelling per index: no leading zero group (x000/001 is not 1).
  if (groups.length > 1 && groups[0] === 'x000') return undefined;
  const width = m[3] ? Number(m[3]) : TILE_WIDTH;
  return m[1] === 'entries' ? { kind: 'entries', index, width } : { kind: 'hashes', level: Number(m[1]), index, width };
}

/** The width of tile `index` at `level` in a tree of `size`: 256 when full, 0 when it does not exist (yet). */
export function tileWidth(level: number, index: number, size: number): number {
  const count = Math.floor(size / TILE_WIDTH ** level);
  return Math.max(0, Math.min(TILE_WIDTH, count - index * TILE_WIDTH));
}

export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  return concat(
    ...entries.flatMap((e) => {
      if (e.length > MAX_ENTRY_BYTES) throw new RangeError('log entry too large');
      return [new Uint8Array([e.length >> 8, e.length & 255]), e];
    }),
  );
}

/** Undefined when the bytes are not a well-formed bundle. */
export function decodeEntryBundle(bytes: Uint8Array): Uint8Array[] | undefined {
  const entries: Uint8Array[] = [];
  for (let o = 0; o < bytes.length; ) {
    if (o + 2 > bytes.length) return undefined;
    const length = (bytes[o]! << 8) | bytes[o + 1]!;
    if (o + 2 + length > bytes.length) return undefined;
    entries.push(bytes.slice(o + 2, o + 2 + length));
    o += 2 + length;
  }
  return entries;
}

export function splitHashes(tile: Uint8Array): Hash[] | undefined {
  if (tile.length % HASH_SIZE !== 0) return undefined;
  return Array.from({ length: tile.length / HASH_SIZE }, (_, i) => tile.slice(i * HASH_SIZE, (i + 1) * HASH_SIZE));
}

/** Every level of the subtree a tile spans, from its row (levels[0]) up as far as the row allows. */
function tileLevels(row: readonly Hash[]): Hash[][] {
  const levels: Hash[][] = [row.slice()];
  for (let l = 0; l < TILE_HEIGHT; l++) {
    const below = levels[l]!;
    const above: Hash[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) above.push(nodeHash(below[i]!, below[i + 1]!));
    levels.push(above);
  }
  return levels;
}

/** The Merkle tree hash of a full tile: what the tile above holds for it. */
export function tileRoot(row: readonly Hash[]): Hash {
  if (row.length !== TILE_WIDTH) throw new RangeError('only a full tile has a root in the level above');
  return tileLevels(row)[TILE_HEIGHT]![0]!;
}

/** Where tiles come from: the object store, a web server, or the tiles an integration is about to write. */
export type TileFetch = (path: string) => Promise<Uint8Array | undefined>;

export class MissingTile extends Error {
  constructor(readonly path: string) {
    super(`missing or malformed tile ${path}`);
  }
}

/**
 * Perfect subtree hashes of a tree of `size`, read from its tiles. Each tile is fetched once and its inner levels
 * hashed once, so a proof costs a few tile reads and at most 255 hashes per tile.
 */
export function tileNodeReader(size: number, fetchTile: TileFetch): NodeReader {
  const cache = new Map<string, Promise<Hash[][]>>();
  const levelsOf = (path: string, width: number) => {
    let found = cache.get(path);
    if (!found) {
      found = fetchTile(path).then((bytes) => {
        const row = bytes ? splitHashes(bytes) : undefined;
        if (!row || row.length !== width) throw new MissingTile(path);
        return tileLevels(row);
      });
      cache.set(path, found);
    }
    return found;
  };
  return async (level, index) => {
    const tileLevel = Math.floor(level / TILE_HEIGHT);
    const within = level - tileLevel * TILE_HEIGHT;
    const first = index * 2 ** within;
    const tileIndex = Math.floor(first / TILE_WIDTH);
    const width = tileWidth(tileLevel, tileIndex, size);
    if (width === 0) throw new RangeError(`node ${level}/${index} is not in a tree of ${size}`);
    const levels = await levelsOf(tilePath(tileLevel, tileIndex, width), width);
    const node = levels[within]?.[(first - tileIndex * TILE_WIDTH) / 2 ** within];
    if (!node) throw new RangeError(`node ${level}/${index} is not complete in a tree of ${size}`);
    return node;
  };
}
