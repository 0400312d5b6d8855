/**
 * The holders' addresses of an OIDC deployment, made of sign-ins: each applicant's verified `email` claim, kept on
 * one item per account as their latest sign-in gave it (shared/directory/holder-address.ts), and read by the webhook
 * worker just before it sends a holder's e-mail. A sign-in that says the same writes nothing; one that names
 * another address replaces it, and one without a verified address removes it.
 */
import { keepsHolderAddress, verifiedEmailOf } from '../../shared/directory';
import type { Actor } from '../../shared/model';
import { keys } from '../../shared/store/keys';
import type { RegistryStore } from '../../shared/store/port';
import type { HolderAddresses } from './port';
import type { SignInRecorder } from './record-sign-ins';

/** How long an instance trusts what it last read or wrote of an account before it reads the item again. */
const KNOWN_FOR_MS = 10 * 60_000;

export class SignInAddresses implements HolderAddresses, SignInRecorder {
  /** What this instance last read or wrote of each account, and when: a busy holder costs no read per request. */
  private readonly known = new Map<string, { address: string | null; at: number }>();

  constructor(
    private readonly store: Pick<RegistryStore, 'getItem' | 'commit'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async addressOf(sub: string): Promise<string | null> {
    return this.kept(sub);
  }

  async recordSignIn(actor: Actor, claims: Readonly<Record<string, unknown>> = {}): Promise<void> {
    if (!keepsHolderAddress(actor)) return;
    const address = verifiedEmailOf(claims);
    const now = this.clock();
    const known = this.known.get(actor.sub);
    const fresh = known && now.getTime() - known.at < KNOWN_FOR_MS;
    const kept = fresh ? known.address : await this.kept(actor.sub);
    if (kept !== address) {
      const key = keys.holderAddress(actor.sub);
      await this.store.commit({
        writes: [
          address
            ? {
                kind: 'item',
                value: { ...key, entity: 'holder-address', sub: actor.sub, email: address, at: now.toISOString() },
              }
            : { kind: 'delete', key },
        ],
      });
    }
    this.known.set(actor.sub, { address, at: fresh ? known.at : now.getTime() });
  }

  private async kept(sub: string): Promise<string | null> {
    const key = keys.holderAddress(sub);
    const item = await this.store.getItem(key.pk, key.sk);
    return typeof item?.email === 'string' ? item.email : null;
  }
}
