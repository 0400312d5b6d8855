/**
 * Integration: the tiles and entry bundles that grow a tree of `oldSize` by `entries`, and the new root. Pure over a
 * tile reader: it reads at most the one partial tile per level (and the partial bundle) that the old tree left, and
 * returns every file to write. The files depend only on the entries, so writing them twice writes the same bytes:
 * what makes an integration that crashed halfway safe to run again.
 */
import { concat } from './bytes';
import { type Hash, leafHash } from './hash';
import { treeHash } from './merkle';
import {
  decodeEntryBundle,
  encodeEntryBundle,
  entryBundlePath,
  MissingTile,
  splitHashes,
  TILE_WIDTH,
  type TileFetch,
  tileNodeReader,
  tilePath,
  tileRoot,
} from './tiles';

export interface TileFile {
  path: string;
  data: Uint8Array;
}

export interface Integration {
  size: number;
  root: Hash;
  files: TileFile[];
}

async function readPartial<T>(
  fetchTile: TileFetch,
  path: string,
  width: number,
  decode: (b: Uint8Array) => T[] | undefined,
): Promise<T[]> {
  if (width === 0) return [];
  const bytes = await fetchTile(path);
  const decoded = bytes ? decode(bytes) : undefined;
  if (!decoded || decoded.length !== width) throw new MissingTile(path);
  return decoded;
}

export async function integrate(
  oldSize: number,
  entries: readonly Uint8Array[],
  fetchTile: TileFetch,
): Promise<Integration> {
  const size = oldSize + entries.length;
  const files = new Map<string, Uint8Array>();

  const firstBundle = Math.floor(oldSize / TILE_WIDTH);
  const bundled = [
    ...(await readPartial(
      fetchTile,
      entryBundlePath(firstBundle, oldSize % TILE_WIDTH),
      oldSize % TILE_WIDTH,
      decodeEntryBundle,
    )),
    ...entries,
  ];
  for (let b = 0; b * TILE_WIDTH < bundled.length; b++) {
    const chunk = bundled.slice(b * TILE_WIDTH, (b + 1) * TILE_WIDTH);
    files.set(entryBundlePath(firstBundle + b, chunk.length), encodeEntryBundle(chunk));
  }

  // The new hashes of each level, starting with the leaves; each full tile feeds its root to the level above.
  let fresh: Hash[] = entries.map(leafHash);
  for (let level = 0; fresh.length > 0; level++) {
    const oldCount = Math.floor(oldSize / TILE_WIDTH ** level);
    const firstTile = Math.floor(oldCount / TILE_WIDTH);
    const oldWidth = oldCount % TILE_WIDTH;
    const row = [
      ...(await readPartial(fetchTile, tilePath(level, firstTile, oldWidth), oldWidth, splitHashes)),
      ...fresh,
    ];
    const above: Hash[] = [];
    for (let t = 0; t * TILE_WIDTH < row.length; t++) {
      const tile = row.slice(t * TILE_WIDTH, (t + 1) * TILE_WIDTH);
      files.set(tilePath(level, firstTile + t, tile.length), concat(...tile));
      if (tile.length === TILE_WIDTH) above.push(tileRoot(tile));
    }
    fresh = above;
  }

  const root = await treeHash(
    tileNodeReader(size, async (path) => files.get(path) ?? fetchTile(path)),
    size,
  );
  return { size, root, files: [...files].map(([path, data]) => ({ path, data })) };
}
