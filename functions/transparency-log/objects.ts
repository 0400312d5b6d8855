/**
 * Where the published log lives: the checkpoint, the verifier key, the tiles and the entry bundles, as static files
 * under the log's prefix. One port, two adapters: a folder (npm start serves it at /log/) and an S3 bucket behind
 * CloudFront in AWS. Paths are the C2SP ones relative to the prefix, and nothing else is accepted.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseTilePath } from '../../shared/transparency-log';

export const CHECKPOINT_PATH = 'checkpoint';
export const VERIFIER_KEY_PATH = 'key';

export interface LogObjects {
  get(path: string): Promise<Uint8Array | undefined>;
  put(path: string, data: Uint8Array): Promise<void>;
}

export function isLogPath(path: string): boolean {
  return path === CHECKPOINT_PATH || path === VERIFIER_KEY_PATH || parseTilePath(path) !== undefined;
}

/** How each file is served: the checkpoint changes (a few seconds at the edge), a tile never does. */
export function logFileHeaders(path: string): Record<string, string> {
  if (path === CHECKPOINT_PATH) return { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'max-age=2' };
  if (path === VERIFIER_KEY_PATH)
    return { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'max-age=300' };
  return { 'content-type': 'application/octet-stream', 'cache-control': 'public, max-age=31536000, immutable' };
}

function checked(path: string): string {
  if (!isLogPath(path)) throw new RangeError(`not a log path: ${path}`);
  return path;
}

export class FolderLogObjects implements LogObjects {
  constructor(readonly root: string) {
    mkdirSync(root, { recursive: true });
  }

  async get(path: string) {
    try {
      return new Uint8Array(readFileSync(join(this.root, checked(path))));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async put(path: string, data: Uint8Array) {
    const file = join(this.root, checked(path));
    mkdirSync(dirname(file), { recursive: true });
    // Written aside, then renamed: a reader (or a crash) never sees half a tile or half a checkpoint.
    const temp = `${file}.${randomUUID()}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, file);
  }
}
