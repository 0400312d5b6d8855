/**
 * Sends one webhook over HTTP(S). The host name is resolved here, at send time, and every address it resolves to
 * is checked with the endpoint rules (shared/webhooks/endpoint.ts): a public name pointing at a private, loopback
 * or link-local address (the metadata service's 169.254.169.254 included) is refused, and the connection goes to
 * the address that was checked, never to a second lookup's answer. Redirects are not followed (a 3xx is a failure).
 */
import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressRefusal } from '../../shared/webhooks/endpoint';
import type { WebhookHeaders } from '../../shared/webhooks/standard';

export interface SendResult {
  /** The receiver's status, or null when there was no answer. */
  status: number | null;
  error?: string;
}

export interface WebhookSender {
  send(url: string, headers: WebhookHeaders, body: string): Promise<SendResult>;
}

export const SEND_TIMEOUT_MS = 10_000;

export function httpSender(options: { allowLoopback: boolean; timeoutMs?: number }): WebhookSender {
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
  return {
    async send(url, headers, body) {
      const target = new URL(url);
      const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
      let addresses: { address: string; family: number }[];
      try {
        addresses = await lookup(host, { all: true, verbatim: true });
      } catch (error) {
        return { status: null, error: `the host name did not resolve: ${(error as Error).message}` };
      }
      const refused = addresses.find((a) => addressRefusal(a.address, options));
      if (refused || addresses.length === 0)
        return {
          status: null,
          error: `refused: ${host} resolves to ${refused?.address ?? 'nothing'}, not a public address`,
        };
      const chosen = addresses[0] as { address: string; family: number };
      const pinned: LookupFunction = (_name, opts, callback) => {
        if (opts.all) callback(null, [chosen]);
        else callback(null, chosen.address, chosen.family);
      };
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise<SendResult>((resolve) => {
        const req = send(
          target,
          {
            method: 'POST',
            lookup: pinned,
            headers: {
              'content-type': 'application/json',
              'user-agent': 'starmark-webhooks/1',
              ...headers,
            },
            timeout: timeoutMs,
          },
          (res) => {
            // The answer's body is not read beyond this: only the status counts.
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? null }));
            res.on('error', (e) => resolve({ status: res.statusCode ?? null, error: e.message }));
          },
        );
        req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        req.on('error', (e) => resolve({ status: null, error: e.message }));
        req.end(body);
      });
    },
  };
}
