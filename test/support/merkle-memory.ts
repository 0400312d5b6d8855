/** A Merkle tree built in memory from its leaf hashes: the reference the tile reader and the integrator are held to. */
import { type Hash, type NodeReader, nodeHash } from '../../shared/transparency-log';

export function memoryTree(leaves: readonly Hash[]): NodeReader {
  const levels: Hash[][] = [leaves.slice()];
  while (levels[levels.length - 1]!.length > 1) {
    const below = levels[levels.length - 1]!;
    const above: Hash[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) above.push(nodeHash(below[i]!, below[i + 1]!));
    levels.push(above);
  }
  return async (level, index) => {
    const h = levels[level]?.[index];
    if (!h) throw new RangeError(`no node ${level}/${index}`);
    return h;
  };
}
