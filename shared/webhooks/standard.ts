/**
 * Webhook signatures as the Standard Webhooks specification defines them, so a receiver can check a delivery with
 * any of its libraries: the headers `webhook-id` (the event's stable id: a retry carries the same one),
 * `webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256>` — several, space-separated,
 * while a secret is being rotated), over `<id>.<timestamp>.<body>` with the secret `whsec_<base64 key>`. Pure, on Web
 * Crypto, so the same code signs in the function and verifies in a test or a receiver.
 */

export const SECRET_PREFIX = 'whsec_';
/** A receiver refuses a delivery whose timestamp is further than this from its own clock (replay protection). */
export const TOLERANCE_SECONDS = 5 * 60;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET.charAt((n >> 18) & 63) + ALPHABET.charAt((n >> 12) & 63);
    out += i + 1 < bytes.length ? ALPHABET.charAt((n >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? ALPHABET.charAt(n & 63) : '=';
  }
  return out;
}

export function base64Decode(text: string): Uint8Array | null {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return null;
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    buffer = (buffer << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** The key bytes of a `whsec_…` secret, or null for anything else. */
export function secretKey(secret: string): Uint8Array | null {
  if (!secret.startsWith(SECRET_PREFIX)) return null;
  const key = base64Decode(secret.slice(SECRET_PREFIX.length));
  return key && key.length >= 24 ? key : null;
}

export function formatSecret(key: Uint8Array): string {
  return `${SECRET_PREFIX}${base64Encode(key)}`;
}

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

async function hmac(key: Uint8Array, content: string): Promise<string> {
  // A copy on a plain ArrayBuffer: the DOM's typing refuses a view that might sit on a SharedArrayBuffer.
  const raw = new Uint8Array(key);
  const cryptoKey = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return base64Encode(new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, new TextEncoder().encode(content))));
}

/** The headers of one delivery, signed with every secret given (the new one and, while rotating, the old). */
export async function signDelivery(
  delivery: { id: string; timestamp: number; body: string },
  secrets: readonly string[],
): Promise<WebhookHeaders> {
  const content = `${delivery.id}.${delivery.timestamp}.${delivery.body}`;
  const signatures = await Promise.all(
    secrets.map(async (secret) => {
      const key = secretKey(secret);
      if (!key) throw new RangeError('not a webhook secret (whsec_…)');
      return `v1,${await hmac(key, content)}`;
    }),
  );
  return {
    'webhook-id': delivery.id,
    'webhook-timestamp': String(delivery.timestamp),
    'webhook-signature': signatures.join(' '),
  };
}

export type VerifyOutcome = 'ok' | 'bad-signature' | 'stale' | 'malformed';

/** What a receiver does: the timestamp within tolerance of its own clock, and one v1 signature matching. */
export async function verifyDelivery(
  headers: Partial<WebhookHeaders>,
  body: string,
  secret: string,
  nowSeconds: number,
): Promise<VerifyOutcome> {
  const id = headers['webhook-id'];
  const timestamp = Number(headers['webhook-timestamp']);
  const key = secretKey(secret);
  if (!id || !Number.isInteger(timestamp) || !headers['webhook-signature'] || !key) return 'malformed';
  if (Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS) return 'stale';
  const expected = await hmac(key, `${id}.${timestamp}.${body}`);
  const offered = headers['webhook-signature'].split(' ').flatMap((s) => (s.startsWith('v1,') ? [s.slice(3)] : []));
  return offered.some((s) => constantTimeEqual(s, expected)) ? 'ok' : 'bad-signature';
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
