/**
 * Use cases of the organization record: an application joins it (in the application's own transaction, conditional
 * on the version read, so of two racing submissions for one credit code only one commits and the other is planned
 * again against what the first wrote), and admins link or unlink the applicant accounts that act for it.
 */
import { DomainError } from '../../shared/errors';
import { requireRole } from '../../shared/lifecycle/guards';
import type { Actor, Application, Certificate, Organization } from '../../shared/model';
import {
  applicationRefusal,
  linkAccount,
  type OrganizationRecord,
  registerApplication,
  requireMayActFor,
  unlinkAccount,
} from '../../shared/organizations';
import { organizationTermWrites } from '../../shared/organizations/name-terms';
import { eventStreamOf, keys } from '../../shared/store/keys';
import type { Write } from '../../shared/store/port';
import { advance, NEW_AGGREGATE } from './aggregate';
import type { Deps } from './deps';
import type { Plan } from './plan';

/** An applicant's step acts for the organization: only while the account is linked to it (403 NOT_LINKED). */
export async function requireActingFor(deps: Deps, actor: Actor, creditCode: string): Promise<void> {
  requireMayActFor(actor, await deps.store.getOrganization(creditCode));
}

export async function loadOrganization(deps: Deps, creditCode: string): Promise<OrganizationRecord> {
  const found = await deps.store.getOrganization(creditCode);
  if (!found) throw new DomainError('NOT_FOUND', `organization ${creditCode}`);
  return found;
}

/** The organization's cases, read consistently, and its certificates: by the index and by its issued cases. */
export async function organizationHoldings(
  deps: Deps,
  organization: OrganizationRecord | undefined,
  creditCode: string,
): Promise<{ applications: Application[]; certificates: Certificate[] }> {
  const found = await deps.store.getApplications(organization?.applications.map((a) => a.id) ?? []);
  const applications = (organization?.applications ?? []).flatMap((a) => found.get(a.id) ?? []);
  // The index is eventually consistent; a certificate just issued is found through its case, read consistently.
  const numbers = applications.flatMap((a) => [a.certificateNumber, a.renewalOf].filter((n) => n !== undefined));
  const byNumber = await deps.store.getCertificates(numbers);
  for (const c of await deps.store.findCertificatesByCreditCode(creditCode)) byNumber.set(c.number, c);
  const certificates = [...byNumber.values()].filter((c) => c.organization.creditCode === creditCode);
  certificates.sort((a, b) => a.number.localeCompare(b.number));
  return { applications, certificates };
}

/**
 * The writes that put a new application on its organization's record. An initial application is refused while the
 * organization holds an active certificate or an open case for the same scope; a renewal continues a certificate.
 */
export async function planJoinOrganization(
  deps: Deps,
  actor: Actor,
  organization: Organization,
  application: Application,
  now: Date,
): Promise<Write[]> {
  const current = await deps.store.getOrganization(organization.creditCode);
  const decided = registerApplication(current, organization, application, actor, now);
  if (application.kind === 'initial') {
    const held = await organizationHoldings(deps, current, organization.creditCode);
    const refusal = applicationRefusal(application.scope, held.certificates, held.applications);
    if (refusal) throw refusal;
  }
  return (await organizationStep(organization.creditCode, current, decided, actor, now)).writes;
}

/** A decided step of an organization as its writes: the record, conditional on the version read, and its event. */
async function organizationStep(
  creditCode: string,
  current: OrganizationRecord | undefined,
  decided: ReturnType<typeof linkAccount>,
  actor: Actor,
  now: Date,
): Promise<{ value: OrganizationRecord; writes: Write[] }> {
  const { value, event } = await advance<OrganizationRecord>(
    eventStreamOf('organization', creditCode),
    current ?? NEW_AGGREGATE,
    decided.next,
    decided.event,
    actor,
    now,
  );
  const writes: Write[] = [
    { kind: 'organization', value, expectedVersion: current?.version ?? null },
    { kind: 'event', value: event },
    ...organizationTermWrites(current, value),
  ];
  return { value, writes };
}

export async function planAccountLink(
  deps: Deps,
  actor: Actor,
  creditCode: string,
  input: { sub: string; reason?: string },
  linked: boolean,
): Promise<Plan> {
  // The role first: who may not link learns nothing of which organizations are on the register.
  requireRole(actor, 'admin');
  const now = deps.clock();
  const current = await loadOrganization(deps, creditCode);
  const decided = (linked ? linkAccount : unlinkAccount)(current, input.sub, actor, now, input.reason);
  const { value, writes } = await organizationStep(creditCode, current, decided, actor, now);
  // An unlinked account's kept address (an OIDC deployment's holders' e-mails) goes in the same transaction.
  const forget: Write[] = linked ? [] : [{ kind: 'delete', key: keys.holderAddress(input.sub) }];
  return { writes: [...writes, ...forget], outcome: { status: 200, body: value } };
}
