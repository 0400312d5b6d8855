/**
 * The key ring in AWS. Keys are KMS keys named by SIGNING_KEY_IDS — or RECEIPT_KEY_IDS for the receipt ring, a
 * separate set of KMS keys, same conventions — (comma-separated ids or ARNs): the first signs,
 * the others are retired and stay published. Rotation is a deployment: create a new KMS key (ECC_NIST_P256,
 * SIGN_VERIFY), put it first in SIGNING_KEY_IDS and keep every older key in the list — dropping one would make the
 * marks it signed unverifiable. Revocation is data: an item per revoked kid in the table (with its audit event),
 * which the public function reads with read-only access; its marks then fail at once (after the short cache below).
 */
import { chainEvent, GENESIS_HASH } from '../../../shared/audit/chain';
import { KEY_IDS_VARIABLE } from '../../../shared/deployment-env';
import { DomainError } from '../../../shared/errors';
import type { Actor } from '../../../shared/model';
import { type KeyPurpose, revokeKey, type SigningKeyRecord } from '../../../shared/star-mark';
import { keys } from '../../../shared/store/keys';
import { CommitConflict, type RegistryStore } from '../../../shared/store/port';
import type { SigningKeyRing, StarMarkSigner } from '../ports';
import { type KmsPublicKey, kmsPublicKey, kmsSigner } from './kms-keys';
import type { KmsPort } from './kms-port';

export interface KmsKeyRingOptions {
  kms: KmsPort;
  /** What the keys sign; star marks unless said otherwise. */
  purpose?: KeyPurpose;
  /** SIGNING_KEY_IDS (RECEIPT_KEY_IDS), in order: the first signs. */
  keyIds: readonly string[];
  store: RegistryStore;
  /** How long a container trusts what it read about revocations. */
  revocationCacheMs?: number;
}

// Where each ring's key ids are read (key-ids.ts: the composition root parses them without loading KMS).
export { KEY_IDS_VARIABLE, parseKeyIds } from './key-ids';

export class KmsKeyRing implements SigningKeyRing {
  readonly rotation = 'deployment' as const;
  readonly purpose: KeyPurpose;
  private publicKeys: Promise<KmsPublicKey[]> | undefined;
  private revocations: { at: number; value: Promise<Map<string, SigningKeyRecord>> } | undefined;

  constructor(private readonly options: KmsKeyRingOptions) {
    if (!options.keyIds.length) throw new Error('the KMS key ring needs at least one key id');
    this.purpose = options.purpose ?? 'star-mark';
  }

  /** A public key never changes for a given KMS key, so each is fetched once per container. */
  private keys(): Promise<KmsPublicKey[]> {
    this.publicKeys ??= Promise.all(this.options.keyIds.map((id) => kmsPublicKey(this.options.kms, id))).catch(
      (error: unknown) => {
        this.publicKeys = undefined;
        throw error;
      },
    );
    return this.publicKeys;
  }

  private revoked(kids: readonly string[]): Promise<Map<string, SigningKeyRecord>> {
    const ttl = this.options.revocationCacheMs ?? 60_000;
    if (!this.revocations || Date.now() - this.revocations.at >= ttl) {
      const value = Promise.all(
        kids.map(
          async (kid) =>
            [kid, await this.options.store.getItem(keys.signingKey(kid).pk, keys.signingKey(kid).sk)] as const,
        ),
      ).then(
        (items) =>
          new Map(
            items
              .filter(([, item]) => item?.status === 'revoked')
              .map(([kid, item]) => [kid, item as unknown as SigningKeyRecord]),
          ),
      );
      this.revocations = { at: Date.now(), value };
      value.catch(() => (this.revocations = undefined));
    }
    return this.revocations.value;
  }

  async records(): Promise<SigningKeyRecord[]> {
    const known = await this.keys();
    const revoked = await this.revoked(known.map((k) => k.kid));
    return known.map((k, i) => {
      const r = revoked.get(k.kid);
      if (r)
        return {
          kid: k.kid,
          publicJwk: k.publicJwk,
          status: 'revoked',
          ...(r.revokedAt ? { revokedAt: r.revokedAt } : {}),
        };
      return { kid: k.kid, publicJwk: k.publicJwk, status: i === 0 ? 'active' : 'retired' };
    });
  }

  async signer(): Promise<StarMarkSigner> {
    const [first] = await this.keys();
    const records = await this.records();
    // Only the first key may sign: falling back to an older one would quietly undo a rotation.
    if (!first || records[0]?.status !== 'active') {
      throw new DomainError(
        'SIGNING_KEY_UNAVAILABLE',
        `the first key of ${KEY_IDS_VARIABLE[this.purpose]} is revoked; deploy a new key`,
      );
    }
    return kmsSigner(this.options.kms, first);
  }

  async rotate(): Promise<SigningKeyRecord> {
    throw new DomainError(
      'ROTATION_BY_DEPLOYMENT',
      `add a new KMS key at the front of ${KEY_IDS_VARIABLE[this.purpose]} and deploy`,
    );
  }

  async revoke(kid: string, reason: string, at: Date, by: Actor): Promise<SigningKeyRecord> {
    const { records } = revokeKey(await this.records(), kid, at, reason);
    const record = records.find((r) => r.kid === kid)!;
    const keyId = (await this.keys()).find((k) => k.kid === kid)!.keyId;
    const stream = `signing-key/${kid}`;
    // Revocation is final, so each key's stream has one event; its conditional put makes a second revoke a conflict.
    const event = await chainEvent(
      stream,
      { eventSeq: 0, lastEventHash: GENESIS_HASH },
      { action: 'revoke', from: 'in-use', to: 'revoked', reason, data: { keyId } },
      by,
      at,
    );
    const revocation = {
      ...keys.signingKey(kid),
      entity: 'signing-key',
      kid,
      keyId,
      status: 'revoked',
      revokedAt: record.revokedAt,
      revocationReason: reason,
      revokedBy: by.sub,
    };
    // Conditional on the key's one event not existing yet: of two revocations racing (in two containers, each
    // with its own cached view), exactly one commits; the other is told the key is already revoked. A transaction
    // that only collided with the other one (no condition failed) is tried again.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.store.commit({
          writes: [
            { kind: 'item', value: revocation },
            { kind: 'event', value: event },
          ],
        });
        break;
      } catch (error) {
        if (!(error instanceof CommitConflict)) throw error;
        if (error.failed.includes('event'))
          throw new DomainError('ILLEGAL_TRANSITION', `signing key ${kid} is already revoked`);
        if (attempt >= 5) throw error;
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
      }
    }
    this.revocations = undefined;
    return record;
  }
}
