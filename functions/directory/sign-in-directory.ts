/**
 * The staff directory of a deployment whose staff sign in through an OIDC issuer (the China regions have no
 * Cognito): the registry keeps each member of staff as their last verified sign-in named them, in one partition.
 * Someone who never signed in, or not for SIGN_IN_DIRECTORY_DAYS, cannot be assigned (ASSIGNEE_UNKNOWN): the
 * directory only names people the issuer vouched for lately, with the roles it gave them then.
 */
import {
  type DirectoryMember,
  directoryMemberSchema,
  isCurrentSignIn,
  memberFromSignIn,
  type SignInEntry,
  signInNeedsWrite,
} from '../../shared/directory';
import type { Actor, Role } from '../../shared/model';
import { keys } from '../../shared/store/keys';
import type { RegistryStore } from '../../shared/store/port';
import * as z from '../../shared/zod';
import type { StaffDirectory } from './port';

const keptSchema = z.object({ ...directoryMemberSchema.shape, signedInAt: z.string() });

export class SignInDirectory implements StaffDirectory {
  /** What this instance last wrote or read for each person: a sign-in that changes nothing writes nothing. */
  private readonly known = new Map<string, SignInEntry>();

  constructor(
    private readonly store: Pick<RegistryStore, 'getItem' | 'queryItems' | 'commit'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async membersOf(role: Role): Promise<DirectoryMember[]> {
    return (await this.everyone()).filter((m) => m.roles.includes(role));
  }

  async find(sub: string): Promise<DirectoryMember | null> {
    const entry = await this.kept(sub);
    return entry && isCurrentSignIn(entry, this.clock()) ? entry.member : null;
  }

  /** Keeps the caller as their verified token names them, when they are staff and it is news. */
  async recordSignIn(actor: Actor): Promise<void> {
    const member = memberFromSignIn(actor);
    if (!member) return;
    const now = this.clock();
    const kept = this.known.get(member.sub) ?? (await this.kept(member.sub));
    if (!signInNeedsWrite(kept, member, now)) {
      if (kept) this.known.set(member.sub, kept);
      return;
    }
    const entry = { member, signedInAt: now.toISOString() };
    await this.store.commit({
      writes: [{ kind: 'item', value: { ...keys.staffMember(member.sub), ...member, signedInAt: entry.signedInAt } }],
    });
    this.known.set(member.sub, entry);
  }

  private async kept(sub: string): Promise<SignInEntry | null> {
    const key = keys.staffMember(sub);
    return entryOf(await this.store.getItem(key.pk, key.sk));
  }

  private async everyone(): Promise<DirectoryMember[]> {
    const now = this.clock();
    const members: DirectoryMember[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.queryItems(keys.staffMembers, cursor ? { cursor } : {});
      for (const item of page.items) {
        const entry = entryOf(item);
        if (entry && isCurrentSignIn(entry, now)) members.push(entry.member);
      }
      cursor = page.cursor;
    } while (cursor);
    return members.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }
}

function entryOf(item: Record<string, unknown> | undefined): SignInEntry | null {
  const parsed = keptSchema.safeParse(item);
  if (!parsed.success) return null;
  const { sub, name, roles, signedInAt } = parsed.data;
  return { member: { sub, name, roles }, signedInAt };
}
