/**
 * The published log, as objects under the public `log/` prefix of the registry's object store (an S3 bucket behind
 * CloudFront in AWS, the local S3 server for npm start and the tests): the checkpoint, the verifier key, the tiles
 * and the entry bundles, at the C2SP paths relative to the prefix. Nothing else is written there.
 */
import type { ObjectStore } from '../../shared/store/objects';
import { parseTilePath } from '../../shared/transparency-log';

export const LOG_PREFIX = 'log/';
export const CHECKPOINT_PATH = 'checkpoint';
export const VERIFIER_KEY_PATH = 'key';

export interface LogObjects {
  get(path: string): Promise<Uint8Array | undefined>;
  put(path: string, data: Uint8Array): Promise<void>;
}

export function isLogPath(path: string): boolean {
  return path === CHECKPOINT_PATH || path === VERIFIER_KEY_PATH || parseTilePath(path) !== undefined;
}

/** How each file is served: the checkpoint changes (seconds at the edge), a tile or bundle never does. */
export function logFileHeaders(path: string): { contentType: string; cacheControl: string } {
  if (path === CHECKPOINT_PATH) return { contentType: 'text/plain; charset=utf-8', cacheControl: 'public, max-age=2' };
  if (path === VERIFIER_KEY_PATH)
    return { contentType: 'text/plain; charset=utf-8', cacheControl: 'public, max-age=300' };
  return { contentType: 'application/octet-stream', cacheControl: 'public, max-age=31536000, immutable' };
}

function checked(path: string): string {
  if (!isLogPath(path)) throw new RangeError(`not a log path: ${path}`);
  return LOG_PREFIX + path;
}

export function logObjectsOn(objects: ObjectStore): LogObjects {
  return {
    get: async (path) => (await objects.get(checked(path)))?.body,
    put: (path, data) => objects.put(checked(path), data, logFileHeaders(path)),
  };
}
