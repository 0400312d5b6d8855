/**
 * The few web-platform globals the domain core uses, which Node 22+ and every browser provide alike. Declared here so
 * that shared/ compiles with neither the DOM nor Node's types: anything else it reaches for is a compile error.
 */
interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { new (): TextEncoder };

interface TextDecoder {
  decode(input?: ArrayBuffer | ArrayBufferView): string;
}
declare var TextDecoder: { new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder };

/** An imported key: opaque to the core, which only hands it back to `verify`. */
interface CryptoKey {
  readonly type: string;
}

interface SubtleCrypto {
  digest(algorithm: 'SHA-256' | 'SHA-384' | 'SHA-512', data: ArrayBuffer | ArrayBufferView): Promise<ArrayBuffer>;
  importKey(
    format: 'jwk',
    keyData: { kty: 'EC'; crv: 'P-256'; x: string; y: string; ext?: boolean },
    algorithm: { name: 'ECDSA'; namedCurve: 'P-256' },
    extractable: false,
    usages: ['verify'],
  ): Promise<CryptoKey>;
  /** HMAC-SHA256 secrets, for webhook signatures (Standard Webhooks). */
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: { name: 'HMAC'; hash: 'SHA-256' },
    extractable: false,
    usages: ('sign' | 'verify')[],
  ): Promise<CryptoKey>;
  sign(algorithm: 'HMAC', key: CryptoKey, data: ArrayBufferView): Promise<ArrayBuffer>;
  /** Ed25519 public keys (RFC 8032, 32 bytes), for the transparency log's signed notes. */
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: { name: 'Ed25519' },
    extractable: false,
    usages: ['verify'],
  ): Promise<CryptoKey>;
  verify(
    algorithm: { name: 'Ed25519' },
    key: CryptoKey,
    signature: ArrayBufferView,
    data: ArrayBufferView,
  ): Promise<boolean>;
  verify(
    algorithm: { name: 'ECDSA'; hash: 'SHA-256' },
    key: CryptoKey,
    signature: ArrayBufferView,
    data: ArrayBufferView,
  ): Promise<boolean>;
}

interface Crypto {
  readonly subtle: SubtleCrypto;
  getRandomValues<T extends ArrayBufferView>(array: T): T;
}
declare var crypto: Crypto;

/** URLs, parsed by the WHATWG rules, for the webhook endpoint rule (shared/webhooks/endpoint.ts). */
interface URL {
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly hash: string;
}
declare var URL: { new (url: string): URL };
