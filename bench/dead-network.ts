/**
 * A network that is up but dead, for the browser benches: an HTTP relay in front of the system that, once `dead()`,
 * takes every request (on connections open already and on new ones) and answers nothing — a request hangs, as on a
 * captive Wi-Fi or a mobile link with no backhaul, rather than failing at once as it does offline. `alive()` drops
 * the requests it held and relays again. The relay names the system's own host upstream (the gateway answers only
 * for its own names).
 */
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DeadNetwork {
  /** The system's URL through the relay (its own origin: a service worker registered there is the relay's). */
  url: string;
  dead(): void;
  alive(): void;
  /** The paths asked for since the network died (none answered). */
  asked(): string[];
  close(): void;
}

export async function deadNetworkRelay(target: string): Promise<DeadNetwork> {
  const upstream = new URL(target);
  let isDead = false;
  const held = new Set<ServerResponse>();
  let asked: string[] = [];
  const server = createServer((req, res) => {
    if (isDead) {
      asked.push(new URL(req.url ?? '/', 'http://relay').pathname);
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    const forward = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dead: () => {
      isDead = true;
      asked = [];
    },
    asked: () => [...asked],
    alive: () => {
      isDead = false;
      for (const res of held) res.destroy();
      held.clear();
    },
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}
