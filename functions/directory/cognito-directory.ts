/**
 * The staff directory in AWS: the members of the user pool's groups, one group per role (infra StaffAuth). Only
 * ListUsersInGroup is used, so the staff function is granted that alone; a person's roles are the groups they are
 * found in.
 */
import {
  type CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { DirectoryMember } from '../../shared/directory';
import { ROLES, type Role } from '../../shared/model';
import type { HolderAddresses, StaffDirectory } from './port';

/** A person as a picker shows them: the sub is the token's subject; the name, else the e-mail, else the user name. */
function memberOf(user: UserType, roles: Role[]): DirectoryMember | null {
  const attribute = (name: string) => user.Attributes?.find((a) => a.Name === name)?.Value;
  const sub = attribute('sub');
  if (!sub) return null;
  return { sub, name: attribute('name') ?? attribute('email') ?? user.Username ?? sub, roles };
}

export class CognitoDirectory implements StaffDirectory, HolderAddresses {
  constructor(
    private readonly client: Pick<CognitoIdentityProviderClient, 'send'>,
    private readonly userPoolId: string,
  ) {}

  async membersOf(role: Role): Promise<DirectoryMember[]> {
    const all = await this.everyone();
    return all.filter((m) => m.roles.includes(role));
  }

  async find(sub: string): Promise<DirectoryMember | null> {
    return (await this.everyone()).find((m) => m.sub === sub) ?? null;
  }

  /**
   * The user's e-mail, when Cognito has it verified: ListUsers filtered on the sub (the webhook worker is granted
   * that alone, for holders' notices), so no listing of the pool is read to find one person.
   */
  async addressOf(sub: string): Promise<string | null> {
    if (!/^[0-9A-Za-z-]{1,128}$/.test(sub)) return null; // a sub is a UUID: nothing else enters the filter
    const page = await this.client.send(
      new ListUsersCommand({ UserPoolId: this.userPoolId, Filter: `sub = "${sub}"`, Limit: 1 }),
    );
    const user = page.Users?.[0];
    if (!user || user.Enabled === false) return null;
    const attribute = (name: string) => user.Attributes?.find((a) => a.Name === name)?.Value;
    return attribute('email_verified') === 'true' ? (attribute('email') ?? null) : null;
  }

  /** Every group, page by page; a disabled account is no one's to assign. */
  private async everyone(): Promise<DirectoryMember[]> {
    const bySub = new Map<string, DirectoryMember>();
    for (const role of ROLES) {
      let token: string | undefined;
      do {
        const page = await this.client.send(
          new ListUsersInGroupCommand({ UserPoolId: this.userPoolId, GroupName: role, NextToken: token }),
        );
        for (const user of page.Users ?? []) {
          if (user.Enabled === false) continue;
          const member = memberOf(user, []);
          if (!member) continue;
          const known = bySub.get(member.sub) ?? member;
          bySub.set(member.sub, { ...known, roles: [...known.roles, role] });
        }
        token = page.NextToken;
      } while (token);
    }
    return [...bySub.values()];
  }
}
