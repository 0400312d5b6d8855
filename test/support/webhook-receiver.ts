/**
 * A webhook receiver on this machine for the tests of a file: a real HTTP server on a free loopback port that keeps
 * what it was sent and answers the status the test sets; and a subscriber of it (an API key, a watchlist of the
 * given numbers, an endpoint at the receiver), made through the API as an integrator would.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { TestSystem } from './local-system';
import { ACTING, ok } from './valid-requests';

export interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

export interface WebhookReceiver {
  /** What it was sent, oldest first; a test empties it when it starts. */
  received: Received[];
  /** The status it answers with. */
  answer: number;
  url: string;
  /** What it was sent about one certificate. */
  about(number: string): Received[];
}

export function useWebhookReceiver(): WebhookReceiver {
  let server: Server;
  const receiver: WebhookReceiver = {
    received: [],
    answer: 204,
    url: '',
    about: (number) => receiver.received.filter((r) => JSON.parse(r.body).data.number === number),
  };
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        receiver.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(receiver.answer).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/starmark`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  return receiver;
}

export interface Subscriber {
  key: string;
  headers: { 'x-api-key': string };
  secret: string;
  endpointId: string;
}

/** A new key holder watching `numbers`, with one endpoint at `url`. */
export async function subscribe(sys: TestSystem, url: string, numbers: string[]): Promise<Subscriber> {
  const issued = await ok(
    sys.api.post('/v1/staff/api-keys', { name: '某招投标平台', contact: 'ops@tender.example' }, ACTING.admin),
  );
  const headers = { 'x-api-key': issued.key as string };
  await ok(sys.api.request('POST', '/v1/integrator/watchlists', { body: { name: '投标人', numbers }, headers }));
  const endpoint = await ok(sys.api.request('POST', '/v1/integrator/webhooks', { body: { url }, headers }));
  return { key: issued.key, headers, secret: endpoint.secret, endpointId: endpoint.id };
}
