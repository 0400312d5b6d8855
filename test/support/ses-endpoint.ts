/**
 * A local endpoint that answers the real SESv2 client as SES does: each SendEmail it takes is kept as the SDK put it
 * on the wire and answered with a message id; while `failing`, it answers 500 as an SES outage would (and counts
 * the attempt). Started and stopped with the test file.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll } from 'vitest';

export interface SesEndpoint {
  /** What SES was asked to send and took. */
  received: { path: string; body: any }[];
  /** Sends refused while failing. */
  refused: { path: string; body: any }[];
  failing: boolean;
  /** The real SDK client, pointed here, with the SDK's own retries off (a test counts every attempt). */
  client(): SESv2Client;
  reset(): void;
}

const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => resolve(text));
  });

export function useSesEndpoint(): SesEndpoint {
  let server: Server;
  let endpoint = '';
  const ses: SesEndpoint = {
    received: [],
    refused: [],
    failing: false,
    client: () =>
      new SESv2Client({
        endpoint,
        region: 'cn-north-1',
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
        maxAttempts: 1,
      }),
    reset() {
      ses.received.length = 0;
      ses.refused.length = 0;
      ses.failing = false;
    },
  };
  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const request = { path: req.url ?? '', body: JSON.parse(await bodyOf(req)) };
      if (ses.failing) {
        ses.refused.push(request);
        res.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalFailure' });
        res.end(JSON.stringify({ message: 'service unavailable' }));
        return;
      }
      ses.received.push(request);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ MessageId: `ses-${ses.received.length}` }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return ses;
}
