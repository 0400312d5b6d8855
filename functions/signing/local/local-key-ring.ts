/**
 * The local key ring: ES256 keys generated on this machine. The first open creates a key; rotate() makes a new one
 * and retires the old; revoke() marks a key compromised, deletes its private half and, if it was the signing key,
 * makes a new one at once so that issuing carries on. The registry is re-read when it changed on disk, so a
 * rotation by the CLI (`npm run rotate-key`) reaches a running system without a restart.
 */
import { type CryptoKey, exportJWK, generateKeyPair, importJWK } from 'jose';
import { DomainError } from '../../../shared/errors';
import type { Actor } from '../../../shared/model';
import {
  activeKey,
  ecPublicJwk,
  type KeyPurpose,
  kidOf,
  revokeKey,
  rotateKeys,
  type SigningKeyRecord,
  STAR_MARK_ALG,
} from '../../../shared/star-mark';
import type { SigningKeyRing, StarMarkSigner } from '../ports';
import { DiskKeyFiles, type KeyFiles, type KeyHistoryEntry, MemoryKeyFiles, type RegistryFile } from './key-files';

const SYSTEM = { sub: 'system:key-store' };

export class LocalKeyRing implements SigningKeyRing {
  readonly rotation = 'here' as const;
  private cached: { revision: string; registry: RegistryFile } | undefined;
  private readonly signers = new Map<string, StarMarkSigner>();

  private constructor(
    private readonly files: KeyFiles,
    readonly purpose: KeyPurpose,
  ) {}

  /**
   * Keys under `<keysDir>/<purpose>/` (`star-mark/`, `receipt/`), or in memory without a folder. A first key is made
   * if there is none.
   */
  static async open(
    keysDir?: string,
    now: Date = new Date(),
    purpose: KeyPurpose = 'star-mark',
  ): Promise<LocalKeyRing> {
    const ring = new LocalKeyRing(keysDir ? new DiskKeyFiles(keysDir, purpose) : new MemoryKeyFiles(), purpose);
    const registry = ring.registry();
    if (!activeKey(registry.keys)) await ring.addKey(registry, now, SYSTEM, 'create');
    return ring;
  }

  private registry(): RegistryFile {
    const revision = this.files.revision();
    if (this.cached?.revision !== revision) {
      this.cached = { revision, registry: this.files.readRegistry() ?? { keys: [], history: [] } };
    }
    return structuredClone(this.cached.registry);
  }

  private save(registry: RegistryFile) {
    this.files.writeRegistry(registry);
    this.cached = undefined;
  }

  private async addKey(
    registry: RegistryFile,
    at: Date,
    by: { sub: string },
    action: KeyHistoryEntry['action'],
  ): Promise<SigningKeyRecord> {
    const { privateKey } = await generateKeyPair(STAR_MARK_ALG, { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    const publicJwk = ecPublicJwk(privateJwk)!;
    const kid = await kidOf(publicJwk);
    // The private half first: a registry naming a key whose private half is missing could not sign.
    this.files.writePrivate(kid, privateJwk);
    const keys = rotateKeys(registry.keys, { kid, publicJwk }, at);
    this.save({ keys, history: [...registry.history, { at: at.toISOString(), action, kid, by: by.sub }] });
    return keys.find((k) => k.kid === kid)!;
  }

  async records(): Promise<SigningKeyRecord[]> {
    return this.registry().keys;
  }

  async signer(): Promise<StarMarkSigner> {
    const active = activeKey(this.registry().keys);
    if (!active) throw new DomainError('SIGNING_KEY_UNAVAILABLE', 'the local key store has no active key');
    const known = this.signers.get(active.kid);
    if (known) return known;
    const jwk = this.files.readPrivate(active.kid);
    if (!jwk) throw new DomainError('SIGNING_KEY_UNAVAILABLE', `the private half of key ${active.kid} is missing`);
    const key = (await importJWK(jwk, STAR_MARK_ALG)) as CryptoKey;
    const signer: StarMarkSigner = {
      kid: active.kid,
      // Web Crypto's ECDSA answers r‖s (IEEE P1363) directly: exactly the JWS form.
      sign: async (input) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, input)),
    };
    this.signers.set(active.kid, signer);
    return signer;
  }

  async rotate(at: Date, by: Pick<Actor, 'sub'>): Promise<SigningKeyRecord> {
    return this.addKey(this.registry(), at, by, 'rotate');
  }

  async revoke(kid: string, reason: string, at: Date, by: Pick<Actor, 'sub'>): Promise<SigningKeyRecord> {
    const registry = this.registry();
    const { records, wasActive } = revokeKey(registry.keys, kid, at, reason);
    const history = [...registry.history, { at: at.toISOString(), action: 'revoke' as const, kid, by: by.sub, reason }];
    this.save({ keys: records, history });
    this.files.deletePrivate(kid);
    this.signers.delete(kid);
    if (wasActive) await this.addKey({ keys: records, history }, at, by, 'rotate');
    return records.find((r) => r.kid === kid)!;
  }
}
