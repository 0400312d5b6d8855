/** A Merkle tree over leaf hashes held in memory: the monitor recomputes the roots itself from what it downloaded. */
import type { Hash } from './hash';
import { nodeHash } from './hash';
import type { NodeReader } from './merkle';

export function memoryTreeReader(leaves: readonly Hash[]): NodeReader {
  const levels: Hash[][] = [leaves.slice()];
  while ((levels.at(-1)?.length ?? 0) > 1) {
    const below = levels.at(-1) ?? [];
    const above: Hash[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) above.push(nodeHash(below[i] as Hash, below[i + 1] as Hash));
    levels.push(above);
  }
  return async (level, index) => {
    const h = levels[level]?.[index];
    if (!h) throw new RangeError(`no node ${level}/${index}`);
    return h;
  };
}
