/**
 * One organization per 统一社会信用代码: the record that links an organization's applications and the applicant
 * accounts allowed to act for it, and the rules that keep one organization from holding two cases (or a case and a
 * certificate) for the same scope. Pure functions over plain data; the use cases and the console both ask them.
 */
import { DomainError } from '../errors';
import type { Decided } from '../lifecycle/events';
import { requireRole } from '../lifecycle/guards';
import type { Actor, Application, ApplicationState, Certificate, Organization, Versioned } from '../model';

export interface LinkedAccount {
  sub: string;
  linkedAt: string;
  /** Who linked it: the account itself when it made the organization's first application, else an admin. */
  linkedBy: string;
}

/** What the organization keeps of each of its applications: enough to find it, and its scope to compare. */
export interface OrganizationApplicationRef {
  id: string;
  kind: Application['kind'];
  scope: string;
  submittedAt: string;
}

export interface OrganizationRecord extends Versioned {
  creditCode: string;
  /** The name (and English name, address) as the latest application gave it. */
  name: string;
  nameEn?: string;
  address?: string;
  accounts: LinkedAccount[];
  applications: OrganizationApplicationRef[];
  createdAt: string;
  updatedAt: string;
}

type Unversioned<T> = Omit<T, keyof Versioned>;

/** States in which a case is over: it holds no scope any more (an issued case's certificate does, while active). */
export const CLOSED_APPLICATION_STATES = ['rejected', 'issued', 'withdrawn'] as const satisfies ApplicationState[];

export function isOpenApplication(application: Pick<Application, 'state'>): boolean {
  return !(CLOSED_APPLICATION_STATES as readonly string[]).includes(application.state);
}

/** A certificate that still certifies its scope: valid, or suspended (it may be reinstated). */
export function isActiveCertificate(certificate: Pick<Certificate, 'status'>): boolean {
  return certificate.status === 'valid' || certificate.status === 'suspended';
}

/**
 * The scope as compared: the model keeps it as free text, so two scopes are the same when their text is, after
 * full-width forms are folded (NFKC), spaces dropped and trailing punctuation ignored. Anything else (a wider or a
 * narrower wording) is another scope: extending a certificate's scope is a change (变更), not a second application.
 */
export function scopeKey(scope: string): string {
  return scope
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[。.;；,，]+$/u, '');
}

export function sameScope(a: string, b: string): boolean {
  return scopeKey(a) === scopeKey(b);
}

export function isLinked(organization: Pick<OrganizationRecord, 'accounts'>, sub: string): boolean {
  return organization.accounts.some((account) => account.sub === sub);
}

/**
 * Who may apply or act for an organization: an account linked to it. An organization not yet on the register has
 * no accounts; its first applicant is linked by applying (registerApplication).
 */
export function mayActFor(actor: Pick<Actor, 'sub'>, organization: Pick<OrganizationRecord, 'accounts'> | undefined) {
  return organization === undefined || isLinked(organization, actor.sub);
}

export function requireMayActFor(actor: Actor, organization: OrganizationRecord | undefined): void {
  if (!mayActFor(actor, organization))
    throw new DomainError(
      'NOT_LINKED',
      `${actor.sub} 未关联到统一社会信用代码 ${organization?.creditCode} 的组织，请联系管理员 / ` +
        `${actor.sub} is not linked to organization ${organization?.creditCode}; ask an administrator to link it`,
    );
}

/** Who links and unlinks accounts: an admin who does not act for the organization (the console asks this too). */
export function mayManageAccounts(actor: Pick<Actor, 'sub' | 'roles'>, organization: OrganizationRecord): boolean {
  return actor.roles.includes('admin') && !isLinked(organization, actor.sub);
}

/**
 * Why an application for this scope may not be made, or null: a certificate that is still active for the same scope
 * (apply for its renewal, or a change), or another case for the same scope that is still open.
 */
export function applicationRefusal(
  scope: string,
  certificates: readonly Pick<Certificate, 'number' | 'status' | 'scope'>[],
  applications: readonly Pick<Application, 'id' | 'state' | 'scope'>[],
): DomainError | null {
  const certified = certificates.find((c) => isActiveCertificate(c) && sameScope(c.scope, scope));
  if (certified)
    return new DomainError(
      'CERTIFIED_FOR_SCOPE',
      `证书 ${certified.number} 在该范围内仍有效，请申请再认证或办理变更 / certificate ${certified.number} ` +
        'already covers this scope: apply for its renewal or for a change (变更) instead',
      [{ path: 'body.scope', message: `certified by ${certified.number}`, code: 'CERTIFIED_FOR_SCOPE' }],
    );
  const open = applications.find((a) => isOpenApplication(a) && sameScope(a.scope, scope));
  if (open)
    return new DomainError(
      'APPLICATION_OPEN_FOR_SCOPE',
      `该范围已有进行中的申请 ${open.id} / application ${open.id} for this scope is still open`,
      [{ path: 'body.scope', message: `open as ${open.id}`, code: 'APPLICATION_OPEN_FOR_SCOPE' }],
    );
  return null;
}

/**
 * An application joins its organization's record: the record is made on the first application (its applicant
 * linked), later ones must come from a linked account. The name is kept as the latest application gives it.
 */
export function registerApplication(
  current: OrganizationRecord | undefined,
  organization: Organization,
  application: Pick<Application, 'id' | 'kind' | 'scope' | 'submittedAt'>,
  actor: Actor,
  now: Date,
): Decided<Unversioned<OrganizationRecord>> {
  requireMayActFor(actor, current);
  const at = now.toISOString();
  const ref = { id: application.id, kind: application.kind, scope: application.scope, submittedAt: at };
  const { name, nameEn, address } = organization;
  const named = { name, ...(nameEn ? { nameEn } : {}), ...(address ? { address } : {}) };
  if (!current) {
    return {
      next: {
        creditCode: organization.creditCode,
        ...named,
        accounts: [{ sub: actor.sub, linkedAt: at, linkedBy: actor.sub }],
        applications: [ref],
        createdAt: at,
        updatedAt: at,
      },
      event: { action: 'register', from: null, to: 'registered', data: { account: actor.sub, application: ref.id } },
    };
  }
  const { version: _v, eventSeq: _s, lastEventHash: _h, nameEn: _e, address: _a, ...kept } = current;
  return {
    next: { ...kept, ...named, applications: [...current.applications, ref], updatedAt: at },
    event: { action: 'add-application', from: 'registered', to: 'registered', data: { application: ref.id } },
  };
}

function unversioned(current: OrganizationRecord): Unversioned<OrganizationRecord> {
  const { version: _v, eventSeq: _s, lastEventHash: _h, ...rest } = current;
  return rest;
}

/**
 * An admin links an applicant account to the organization. No self-dealing: an admin who acts for the organization
 * does not decide who else may.
 */
export function linkAccount(
  current: OrganizationRecord,
  sub: string,
  actor: Actor,
  now: Date,
  reason?: string,
): Decided<Unversioned<OrganizationRecord>> {
  return changeAccounts(current, { action: 'link-account', sub, actor, now, reason }, (at) => {
    if (isLinked(current, sub))
      throw new DomainError('ACCOUNT_ALREADY_LINKED', `${sub} already acts for this organization`);
    return [...current.accounts, { sub, linkedAt: at, linkedBy: actor.sub }];
  });
}

export function unlinkAccount(
  current: OrganizationRecord,
  sub: string,
  actor: Actor,
  now: Date,
  reason?: string,
): Decided<Unversioned<OrganizationRecord>> {
  return changeAccounts(current, { action: 'unlink-account', sub, actor, now, reason }, () => {
    if (!isLinked(current, sub))
      throw new DomainError('ACCOUNT_NOT_LINKED', `${sub} does not act for this organization`);
    return current.accounts.filter((a) => a.sub !== sub);
  });
}

interface AccountChange {
  action: 'link-account' | 'unlink-account';
  sub: string;
  actor: Actor;
  now: Date;
  reason: string | undefined;
}

/** Who may change the linked accounts, and the event that records it, are the same for linking and unlinking. */
function changeAccounts(
  current: OrganizationRecord,
  change: AccountChange,
  nextAccounts: (at: string) => OrganizationRecord['accounts'],
): Decided<Unversioned<OrganizationRecord>> {
  requireRole(change.actor, 'admin');
  requireNotLinkedAdmin(change.actor, current);
  const at = change.now.toISOString();
  return {
    next: { ...unversioned(current), accounts: nextAccounts(at), updatedAt: at },
    event: {
      action: change.action,
      from: 'registered',
      to: 'registered',
      data: { account: change.sub },
      ...why(change.reason),
    },
  };
}

const why = (reason: string | undefined) => (reason ? { reason } : {});

function requireNotLinkedAdmin(actor: Actor, organization: OrganizationRecord): void {
  if (isLinked(organization, actor.sub))
    throw new DomainError('SELF_DEALING', `${actor.sub} acts for organization ${organization.creditCode}`);
}
