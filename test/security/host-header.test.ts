/**
 * DNS rebinding: a web page whose own name the attacker points at 127.0.0.1 reaches the local gateway as its own
 * origin, and the browser sends that name as Host. The gateway answers only for loopback names and the configured
 * ones: any other Host gets 421 as a problem, before any handler (the development login, the staff API, the pages)
 * runs, and nothing is written.
 */
import { request } from 'node:http';
import { connect, type LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import { allowedHosts, hostAllowed } from '../../functions/local/host-check';
import { useTestSystem } from '../support/local-system';
import { newApplication } from '../support/organizations';
import { tableSnapshot } from '../support/table-snapshot';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z', web: true });
const port = () => new URL(sys.url).port;

interface Answer {
  status: number;
  type: string;
  body: any;
}

/** Resolves every name to the loopback address, as a rebound DNS answer does. */
const rebound: LookupFunction = (_hostname, options, callback) => {
  if (options.all)
    (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
      { address: '127.0.0.1', family: 4 },
    ]);
  else callback(null, '127.0.0.1', 4);
};

/**
 * A request to the gateway's address carrying `host` as its Host header; with `resolve`, one to the URL of that
 * name whose DNS answer is the loopback address (what the rebinding page's fetch does).
 */
function send(
  host: string,
  path: string,
  options: { method?: string; body?: unknown; token?: string; resolve?: boolean } = {},
): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const target = options.resolve
    ? { hostname: host.replace(/:\d+$/, ''), port: Number(port()), lookup: rebound }
    : { hostname: '127.0.0.1', port: Number(port()), headers: { host } };
  return new Promise((resolve, reject) => {
    const req = request(
      {
        ...target,
        path,
        method: options.method ?? 'GET',
        headers: {
          ...('headers' in target ? target.headers : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += String(d)));
        res.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // a page, not JSON
          }
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function expectMisdirected(answer: Answer) {
  expect(answer.status).toBe(421);
  expect(answer.type).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ code: 'MISDIRECTED_REQUEST', status: 421 });
  expect(answer.body.title_zh).toBeTruthy();
  expect(answer.body.title_en).toBeTruthy();
}

const FOREIGN = [
  ['the rebinding page’s own name', () => `evil.example:${port()}`],
  ['a name without the port', () => 'evil.example'],
  ['a name that begins like the loopback address', () => `127.0.0.1.evil.example:${port()}`],
  ['a name that begins like localhost', () => `localhost.evil.example:${port()}`],
  ['a loopback name with credentials for another host', () => `localhost:${port()}@evil.example`],
  ['the loopback address on another port', () => '127.0.0.1:1'],
] as const;

describe('a request naming a host that is not ours', () => {
  it('is refused when a page rebinds evil.example to the loopback address and asks for a staff token', async () => {
    const answer = await send(`evil.example:${port()}`, '/dev/login', {
      method: 'POST',
      body: { sub: 'admin-qian' },
      resolve: true,
    });
    expectMisdirected(answer);
    expect(JSON.stringify(answer.body)).not.toContain('token');
  });

  it.each(FOREIGN)('is refused with 421 for %s, on every kind of path', async (_name, host) => {
    const token = await sys.tokenOf('admin-qian');
    for (const path of ['/dev/users', '/console-config.json', '/health', '/v1/staff/applications', '/', '/console'])
      expectMisdirected(await send(host(), path, { token }));
    expectMisdirected(await send(host(), '/dev/login', { method: 'POST', body: { sub: 'admin-qian' } }));
  });

  it('is refused with 421 when the request names no host at all (HTTP/1.0)', async () => {
    const head = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port()), '127.0.0.1', () => socket.end('GET /dev/users HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += String(d)));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(head).toMatch(/^HTTP\/1\.1 421 /);
    expect(head).toContain('MISDIRECTED_REQUEST');
    expect(head).not.toContain('applicant-acme');
  });

  it('runs no handler: a staff write with a valid token changes nothing', async () => {
    const before = await tableSnapshot(sys.dynamo.endpoint);
    const answer = await send(`evil.example:${port()}`, '/v1/staff/applications', {
      method: 'POST',
      body: newApplication(),
      token: await sys.tokenOf('applicant-acme'),
      resolve: true,
    });
    expectMisdirected(answer);
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
  });
});

describe('a request naming the gateway itself', () => {
  it.each([
    ['127.0.0.1 with the port', () => `127.0.0.1:${port()}`],
    ['localhost with the port', () => `localhost:${port()}`],
    ['localhost in capitals', () => `LOCALHOST:${port()}`],
    ['the IPv6 loopback with the port', () => `[::1]:${port()}`],
  ])('is answered for %s', async (_name, host) => {
    expect((await send(host(), '/health')).status).toBe(200);
    const login = await send(host(), '/dev/login', { method: 'POST', body: { sub: 'admin-qian' } });
    expect(login.status).toBe(200);
    expect(login.body.token).toBeTruthy();
    expect((await send(host(), '/v1/staff/me', { token: login.body.token })).status).toBe(200);
  });

  describe('with a public base URL configured', () => {
    const behindProxy = useTestSystem({ now: '2026-11-23T02:00:00Z', publicBaseUrl: 'https://verify.example.cn' });
    it('is answered for the host of that URL', async () => {
      const res = await new Promise<number>((resolve, reject) => {
        const url = new URL(behindProxy.url);
        request(
          { hostname: url.hostname, port: url.port, path: '/health', headers: { host: 'verify.example.cn' } },
          (r) => resolve(r.statusCode ?? 0),
        )
          .on('error', reject)
          .end();
      });
      expect(res).toBe(200);
    });
  });

  it('is answered for the host of the configured public base URL, and not for that name on another port', () => {
    const allowed = allowedHosts({ host: '127.0.0.1', port: 8080, publicBaseUrl: 'https://Verify.Example.cn' });
    expect(hostAllowed('verify.example.cn', allowed)).toBe(true);
    expect(hostAllowed('verify.example.cn:8080', allowed)).toBe(false);
    expect(hostAllowed('127.0.0.1:8080', allowed)).toBe(true);
    expect(hostAllowed('evil.example:8080', allowed)).toBe(false);
  });

  it('is answered, when listening on every interface, for the machine’s own addresses and never for a name', () => {
    const allowed = allowedHosts({ host: '0.0.0.0', port: 8080 });
    expect(hostAllowed('127.0.0.1:8080', allowed)).toBe(true);
    expect(hostAllowed('[::1]:8080', allowed)).toBe(true);
    expect([...allowed].every((h) => /^(localhost|[\d.]+|\[[\da-f:.]+\])(:\d+)?$/.test(h))).toBe(true);
    expect(hostAllowed('evil.example:8080', allowed)).toBe(false);
  });
});
