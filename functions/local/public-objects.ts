/**
 * The registry's public objects (shared/store/objects.ts PUBLIC_OBJECT_PREFIXES), served at their own path from the
 * local S3 server as CloudFront serves them from the bucket: GET and HEAD only, the stored type and caching.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPublicObjectKey, type ObjectStore } from '../../shared/store/objects';
import { withSecurityHeaders } from './static-files';

/** True when the path names a public object; it is then answered (with 404 when absent). */
export async function servePublicObject(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  objects: ObjectStore,
): Promise<boolean> {
  let key: string;
  try {
    key = decodeURIComponent(url.pathname).replace(/^\//, '');
  } catch {
    return false;
  }
  if (!isPublicObjectKey(key) || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const found = await objects.get(key);
  if (!found) {
    res.writeHead(
      404,
      withSecurityHeaders({ 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }),
    );
    res.end('Not found');
    return true;
  }
  res.writeHead(
    200,
    withSecurityHeaders({
      'content-type': found.contentType,
      'cache-control': found.cacheControl ?? 'no-cache',
      'content-length': String(found.body.length),
    }),
  );
  res.end(req.method === 'HEAD' ? undefined : found.body);
  return true;
}
