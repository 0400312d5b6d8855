/**
 * The local key ring: ES256 keys generated on this machine. The first open creates a key; rotate() makes a new one
 * and retires the old; revoke() marks a key compromised, deletes its private half and, if it was the signing key,
 * makes a new one in the same change so that issuing carries on. The registry is re-read when it changed on disk, so
 * a rotation by the CLI (`npm run rotate-key`) reaches a running system without a restart.
 *
 * Every change is serialized (key-files.ts `changing`: a lock shared with every process on the folder) and made
 * from the registry as read under that lock — never from a copy read before it, and never from one read before a
 * key was generated (generation is the slow part, so it happens first, and the registry is read after it). A
 * revocation can therefore never be written back over by a rotation that started earlier, nor a key be lost.
 */
import { type CryptoKey, exportJWK, generateKeyPair, importJWK } from 'jose';
import { DomainError } from '../../../shared/errors';
import type { Actor } from '../../../shared/model';
import {
  activeKey,
  type EcPublicJwk,
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

/** A freshly generated key whose private half is already on disk, not yet in the registry. */
interface FreshKey {
  kid: string;
  publicJwk: EcPublicJwk;
}

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
    if (!activeKey(ring.registry().keys)) {
      const fresh = await ring.generate();
      await ring.change((registry) => {
        // Another process may have made the first key meanwhile: then ours is not needed.
        if (activeKey(registry.keys)) return { unused: [fresh] };
        return { next: withKey(registry, fresh, now, SYSTEM, 'create'), result: undefined };
      });
    }
    return ring;
  }

  /** The registry as last seen on disk, re-read whenever it changed there. For reading only. */
  private registry(): RegistryFile {
    const revision = this.files.revision();
    if (this.cached?.revision !== revision) {
      this.cached = { revision, registry: this.files.readRegistry() ?? { keys: [], history: [] } };
    }
    return structuredClone(this.cached.registry);
  }

  /** Generates a key and puts its private half on disk: a registry naming a key must always be able to sign. */
  private async generate(): Promise<FreshKey> {
    const { privateKey } = await generateKeyPair(STAR_MARK_ALG, { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    const publicJwk = ecPublicJwk(privateJwk)!;
    const kid = await kidOf(publicJwk);
    this.files.writePrivate(kid, privateJwk);
    return { kid, publicJwk };
  }

  /**
   * One change of the registry, under the lock, from the registry as read under it. `decide` answers the next
   * registry and the result, or `unused` keys generated for a change that turned out not to need them.
   */
  private async change<T>(
    decide: (registry: RegistryFile) => Promise<Decision<T>> | Decision<T>,
  ): Promise<T | undefined> {
    return this.files.changing(async () => {
      const read = this.files.readRegistry() ?? { keys: [], history: [] };
      const from = read.revision ?? 0;
      const decision = await decide(structuredClone(read));
      if ('unused' in decision) {
        for (const key of decision.unused) this.files.deletePrivate(key.kid);
        return undefined;
      }
      this.files.writeRegistry(decision.next, from);
      this.cached = undefined;
      return decision.result;
    });
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
    // Generated first; the registry it joins is read afterwards, under the lock.
    const fresh = await this.generate();
    try {
      const made = await this.change((registry) => {
        const next = withKey(registry, fresh, at, by, 'rotate');
        return { next, result: next.keys.find((k) => k.kid === fresh.kid)! };
      });
      return made!;
    } catch (error) {
      this.files.deletePrivate(fresh.kid);
      throw error;
    }
  }

  async revoke(kid: string, reason: string, at: Date, by: Pick<Actor, 'sub'>): Promise<SigningKeyRecord> {
    const revoked = await this.change(async (registry) => {
      const { records, wasActive } = revokeKey(registry.keys, kid, at, reason);
      const entry: KeyHistoryEntry = { at: at.toISOString(), action: 'revoke', kid, by: by.sub, reason };
      let next: RegistryFile = { ...registry, keys: records, history: [...registry.history, entry] };
      // The signing key itself: its successor joins in the same write, so no reader ever sees the ring without one.
      if (wasActive) next = withKey(next, await this.generate(), at, by, 'rotate');
      return { next, result: records.find((r) => r.kid === kid)! };
    });
    this.files.deletePrivate(kid);
    this.signers.delete(kid);
    return revoked!;
  }
}

type Decision<T> = { next: RegistryFile; result: T } | { unused: FreshKey[] };

function withKey(
  registry: RegistryFile,
  fresh: FreshKey,
  at: Date,
  by: { sub: string },
  action: KeyHistoryEntry['action'],
): RegistryFile {
  return {
    ...registry,
    keys: rotateKeys(registry.keys, fresh, at),
    history: [...registry.history, { at: at.toISOString(), action, kid: fresh.kid, by: by.sub }],
  };
}
