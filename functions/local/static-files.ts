/** The built web pages, served as CloudFront serves them from S3: same security headers, no directory listing. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pageFileOf } from '../../shared/pages';
import { SECURITY_HEADERS } from '../../shared/security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function withSecurityHeaders(headers: Record<string, string>): Record<string, string> {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) lower[k.toLowerCase()] ??= v;
  return lower;
}

/** `policy`: the pages' Content-Security-Policy when it is not the shared one (origins added to connect-src). */
export function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  webRoot: string | undefined,
  policy?: string,
): void {
  const notFound = () => {
    res.writeHead(404, withSecurityHeaders({ 'content-type': 'text/plain; charset=utf-8' }));
    res.end(webRoot ? 'Not found' : 'The web pages are not built: run npm run build:web');
  };
  if (!webRoot || (req.method !== 'GET' && req.method !== 'HEAD')) {
    notFound();
    return;
  }
  const root = resolve(webRoot);
  // Clean page URLs (shared/pages.ts), as CloudFront's page router maps them.
  const wanted = pageFileOf(url.pathname) ?? url.pathname;
  let file: string;
  try {
    file = resolve(join(root, normalize(decodeURIComponent(wanted))));
  } catch {
    notFound();
    return;
  }
  if (file !== root && !file.startsWith(root + sep)) {
    notFound();
    return;
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    notFound();
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  // Hashed assets (web/build.ts names them <name>-<hash>) never change; pages and the service worker must
  // revalidate so a deploy reaches users.
  const immutable = url.pathname.startsWith('/assets/') && /-[A-Z0-9]{8}\.(js|css)$/.test(file);
  res.writeHead(
    200,
    withSecurityHeaders({
      ...(policy ? { 'content-security-policy': policy } : {}),
      'content-type': type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    }),
  );
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}
