/**
 * The files a deployment places beside the built pages, answered here as the web deployment writes them into the
 * site bucket in AWS: `/jwks.json`, the key set shipped with the page (locally always the rings' current one: a
 * `npm start` is a deployment), and `/certification-body.json`, the body the verdicts name. Both are what the
 * service worker precaches for offline use.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BAKED_JWKS_PATH } from '../../shared/star-mark/baked-jwks';
import type { Deps } from '../service/deps';
import { bakedKeySetText } from '../signing/verification';
import { withSecurityHeaders } from './static-files';

export const CERTIFICATION_BODY_FILE_PATH = '/certification-body.json';

function json(res: ServerResponse, text: string) {
  res.writeHead(
    200,
    withSecurityHeaders({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }),
  );
  res.end(text);
}

export function deploymentFiles(deps: Deps) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname === BAKED_JWKS_PATH) {
      json(res, await bakedKeySetText(deps));
      return true;
    }
    if (url.pathname === CERTIFICATION_BODY_FILE_PATH) {
      json(res, JSON.stringify(deps.config.certificationBody));
      return true;
    }
    return false;
  };
}
