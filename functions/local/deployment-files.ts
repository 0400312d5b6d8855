/**
 * The files a deployment places beside the built pages, answered here as the web deployment writes them into the
 * site bucket in AWS: `/jwks.json`, the key set shipped with the page (locally always the rings' current one: a
 * `npm start` is a deployment), and `/certification-body.json`, the body the verdicts name. Both are what the
 * service worker precaches for offline use.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Deps } from '../service/deps';
import { publishedJwks } from '../signing/verification';
import { withSecurityHeaders } from './static-files';

export const BAKED_JWKS_FILE = '/jwks.json';
export const CERTIFICATION_BODY_FILE_PATH = '/certification-body.json';

function json(res: ServerResponse, body: unknown) {
  res.writeHead(
    200,
    withSecurityHeaders({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }),
  );
  res.end(JSON.stringify(body));
}

export function deploymentFiles(deps: Deps) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname === BAKED_JWKS_FILE) {
      json(res, await publishedJwks(deps));
      return true;
    }
    if (url.pathname === CERTIFICATION_BODY_FILE_PATH) {
      json(res, deps.config.certificationBody);
      return true;
    }
    return false;
  };
}
