/**
 * The Host names the local gateway answers for. DNS rebinding points a name an attacker owns at 127.0.0.1, so that
 * their web page reaches this gateway as its own origin (the development login, the staff API) and reads the
 * answers; the browser still sends the attacker's name as Host. Only the loopback names, the address the gateway
 * was told to listen on, and the host of the public base URL are ours; a request naming anything else is refused
 * before any handler runs.
 */
import { networkInterfaces } from 'node:os';

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

const bracketed = (address: string) => (address.includes(':') && !address.startsWith('[') ? `[${address}]` : address);

/** Every `host[:port]` a browser may send for this gateway, lower case. */
export function allowedHosts(options: { host: string; port: number; publicBaseUrl?: string }): ReadonlySet<string> {
  const names = new Set(LOOPBACK);
  if (WILDCARD.has(options.host)) {
    // Listening on every interface: the machine's own addresses (a phone on the LAN scanning a mark), never a name.
    for (const entries of Object.values(networkInterfaces()))
      for (const entry of entries ?? []) names.add(bracketed(entry.address.replace(/%.*$/, '')));
  } else {
    names.add(bracketed(options.host));
  }
  const allowed = new Set<string>();
  for (const name of names) {
    allowed.add(`${name.toLowerCase()}:${options.port}`);
    if (options.port === 80) allowed.add(name.toLowerCase());
  }
  if (options.publicBaseUrl) allowed.add(new URL(options.publicBaseUrl).host.toLowerCase());
  return allowed;
}

export function hostAllowed(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  return host !== undefined && allowed.has(host.trim().toLowerCase());
}
