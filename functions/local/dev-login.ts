/**
 * Local-only endpoints of the development identity provider: the demo users and a login that returns their token.
 * They stand where Cognito's hosted login stands in AWS and are never part of the route table or the stack; the
 * console finds them through `/console-config.json`, which locally is answered here with `{ "auth": "dev" }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_USERS, type DevIdentityProvider } from './dev-identity';

function json(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

export function devLoginEndpoints(identity: DevIdentityProvider) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<boolean> => {
    // The console's runtime config: in AWS the stack writes a Cognito one into the site bucket; here it names us.
    if (url.pathname === '/console-config.json' && req.method === 'GET') {
      json(res, 200, { auth: 'dev' });
      return true;
    }
    if (url.pathname === '/dev/users' && req.method === 'GET') {
      json(res, 200, { users: DEMO_USERS });
      return true;
    }
    if (url.pathname === '/dev/login' && req.method === 'POST') {
      let sub: unknown;
      try {
        sub = (JSON.parse(body.toString('utf8')) as { sub?: unknown }).sub;
      } catch {
        sub = undefined;
      }
      const user = DEMO_USERS.find((u) => u.sub === sub);
      if (!user) {
        json(res, 400, {
          code: 'UNKNOWN_DEMO_USER',
          title: '未知的演示用户 / Unknown demo user',
          users: DEMO_USERS.map((u) => u.sub),
        });
        return true;
      }
      json(res, 200, { token: await identity.tokenFor(user), user });
      return true;
    }
    return false;
  };
}
