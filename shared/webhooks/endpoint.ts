/**
 * Where a subscriber's webhooks may go, and which deliveries an event makes. An endpoint is an https URL on a
 * public host: the registry's functions must not be turned into a probe of their own network, so a literal
 * private, loopback or link-local address (and `localhost`) is refused — except loopback where the deployment
 * allows it (the local system, whose receivers run on the same machine). A name that resolves to a private
 * address cannot be seen here; the delivery worker checks the address it connects to.
 */
import { type Delivery, newDelivery } from './delivery';
import { type CertificateEvent, type Watchlist, watches } from './events';

export type EndpointRefusal = 'ENDPOINT_URL_INVALID' | 'ENDPOINT_NOT_HTTPS' | 'ENDPOINT_NOT_PUBLIC';

const PRIVATE_V4: [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10, carrier-grade NAT
  [0x7f000000, 8], // 127/8, loopback
  [0xa9fe0000, 16], // 169.254/16, link-local (and the instance metadata service)
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
];

function ipv4(host: string): number | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function isLoopback(host: string): boolean {
  const v4 = ipv4(host);
  return host === 'localhost' || host === '[::1]' || (v4 !== null && v4 >>> 24 === 127);
}

function isPrivate(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const v4 = ipv4(host);
  if (v4 !== null) return PRIVATE_V4.some(([net, bits]) => v4 >>> (32 - bits) === net >>> (32 - bits));
  if (!host.startsWith('[')) return false;
  const v6 = host.slice(1, -1).toLowerCase();
  // Loopback, unspecified, unique-local fc00::/7, link-local fe80::/10, and IPv4 written inside IPv6.
  return v6 === '::1' || v6 === '::' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('::ffff:');
}

/** Why a webhook may not go to this URL, or null when it may. */
export function endpointRefusal(url: string, options: { allowLoopback: boolean }): EndpointRefusal | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'ENDPOINT_URL_INVALID';
  }
  if (parsed.username || parsed.password || parsed.hash) return 'ENDPOINT_URL_INVALID';
  const host = parsed.hostname;
  if (options.allowLoopback && isLoopback(host))
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? null : 'ENDPOINT_NOT_HTTPS';
  if (parsed.protocol !== 'https:') return 'ENDPOINT_NOT_HTTPS';
  return isPrivate(host) ? 'ENDPOINT_NOT_PUBLIC' : null;
}

/**
 * Why a webhook may not be sent to this address, which its host name resolved to at send time: the same rules as
 * for a literal address in the URL, so a public name that resolves to a private address (or the metadata service)
 * is refused as that address would be.
 */
export function addressRefusal(address: string, options: { allowLoopback: boolean }): EndpointRefusal | null {
  const host = address.includes(':') ? `[${address}]` : address;
  if (options.allowLoopback && isLoopback(host)) return null;
  return isPrivate(host) ? 'ENDPOINT_NOT_PUBLIC' : null;
}

export interface Subscription {
  endpointId: string;
  watchlist: Watchlist;
  /** A disabled endpoint gets nothing new (its log stays readable). */
  disabled?: boolean;
}

/** The deliveries one event makes: one per enabled endpoint whose watchlist names its certificate or holder. */
export function deliveriesFor(event: CertificateEvent, subscriptions: readonly Subscription[], now: Date): Delivery[] {
  return subscriptions
    .filter((s) => !s.disabled && watches(s.watchlist, event))
    .map((s) => newDelivery(event.id, s.endpointId, now));
}
