/**
 * The handling queue of complaints, reports and appeals (staff): the open matters oldest first with the day their
 * next answer is owed, the patterns among counterfeit reports, one matter with its trail, and a step on it. A step
 * is the core's (shared/complaints/handling.ts); it commits with its audit event, conditional on the version read,
 * so two people taking a step at once never both succeed.
 */
import { isStaff } from '../../shared/access';
import { GENESIS_HASH } from '../../shared/audit/chain';
import { chinaDate } from '../../shared/calendar';
import {
  type appealedDecisionKey,
  appealOfCase,
  appealOfCertificate,
  type CaseAppealInput,
  CERTIFICATE_DECISIONS,
  type CertificateAppealInput,
  COMPLAINT_SETTINGS,
  type Matter,
  type MatterStepInput,
  matterDeadline,
  matterFor,
  OPEN_MATTER_STATES,
  repeatAppealRefusal,
  replyNotice,
  reportPatterns,
  takeMatterStep,
} from '../../shared/complaints';
import { DomainError } from '../../shared/errors';
import { newApplicationId } from '../../shared/ids';
import { markAppealReversal } from '../../shared/lifecycle/appeal-reversal';
import { markCaseAppealReversal } from '../../shared/lifecycle/case-reopening';
import { peopleNamedIn } from '../../shared/lifecycle/event-labels';
import { markLevelAppealReversal, markPendingLevelAppealReversal } from '../../shared/lifecycle/level-appeal';
import type { Actor, Application } from '../../shared/model';
import { eventStreamOf, indexKeys, keys, matterIndexAttributes } from '../../shared/store/keys';
import { claim } from '../notify/ledger';
import { queueNotice } from '../notify/queue';
import { advance } from './aggregate';
import { lastAppealAgainst } from './appeals-on-record';
import { loadApplication } from './applications';
import { loadCertificate, planCertificateChange } from './certificates';
import type { Deps } from './deps';
import { namesOf } from './directory';
import { matterEventWrite, matterOf } from './matter-item';
import { loadMatter } from './matter-read';
import { requireActingFor } from './organizations';
import type { Plan } from './plan';
import { figureWrites } from './report-figures';

function requireStaff(actor: Actor): void {
  if (!isStaff(actor)) throw new DomainError('FORBIDDEN_ROLE', 'complaints and appeals are staff work');
}

export async function mattersIn(deps: Deps, state: string): Promise<Matter[]> {
  const out: Matter[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.queryItems(indexKeys.mattersByState(state), { index: 'gsi1', limit: 500, cursor });
    out.push(...page.items.map(matterOf));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export async function matterQueue(deps: Deps, actor: Actor) {
  requireStaff(actor);
  const open = (await Promise.all(OPEN_MATTER_STATES.map((state) => mattersIn(deps, state))))
    .flat()
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
  // A list is no place for personal data: the contact is read on the matter, by those handling it.
  const listed = open.map((m) => {
    const { contact: _contact, ...matter } = matterFor(actor, m);
    return { matter, deadline: matterDeadline(matter) };
  });
  return { today: chinaDate(deps.clock()), open: listed, patterns: reportPatterns(open) };
}

export async function matterView(deps: Deps, actor: Actor, id: string) {
  requireStaff(actor);
  const { matter } = await loadMatter(deps, id);
  const events = await deps.store.listEvents(eventStreamOf('matter', id));
  // Everyone the page names: who acted and whom a step assigned, the handler, the notes' authors, those involved.
  const named = [
    ...peopleNamedIn('matter', events),
    ...(matter.handlerSub ? [matter.handlerSub] : []),
    ...(matter.notes ?? []).map((n) => n.by),
    ...matter.involved,
  ];
  return {
    today: chinaDate(deps.clock()),
    matter: matterFor(actor, matter),
    deadline: matterDeadline(matter),
    events,
    people: await namesOf(deps, [...new Set(named)]),
  };
}

export async function planMatterStep(deps: Deps, actor: Actor, id: string, input: MatterStepInput): Promise<Plan> {
  requireStaff(actor);
  const at = deps.clock();
  const { matter, expiresAt } = await loadMatter(deps, id);
  const { next, draft } = takeMatterStep(matter, input, actor, at);
  const { value, event } = await advance<Matter>(eventStreamOf('matter', id), matter, next, draft, actor, at);
  // The version read is the condition: a step taken meanwhile by someone else makes this one a 409.
  const item = { ...keys.matter(id), entity: 'matter', ...value, ...matterIndexAttributes(value), step: value.version };
  // The reply is queued with the closing that removes the contact: both happen, or neither.
  const notice = input.step === 'reply' ? replyNotice(matter, input.reply) : null;
  const queued = notice ? claim(notice, deps.notifier?.channel ?? 'outbox', at) : null;
  return {
    writes: [
      { kind: 'advance', value: expiresAt === undefined ? item : { ...item, expiresAt }, from: matter.version },
      matterEventWrite(event, expiresAt),
      ...(queued ? [...queued.writes, queueNotice(queued.item)] : []),
      ...(await reversalWrites(deps, actor, value, at)),
      // A report closed counts in the month's public figures, with the closing or not at all.
      ...figureWrites(matter, value, at),
    ],
    outcome: { status: 200, body: matterFor(actor, value) },
  };
}

/**
 * An appeal against a suspension or withdrawal decided `reversed` marks its certificate in the same transaction, so
 * that an admin restores it through the certificate's own transition (restoreOnAppeal), with everything any status
 * change brings; one against a rejection marks the case, which an admin reopens for the committee (reopenOnAppeal);
 * one against a level decision marks the certificate, whose level a member not involved sets (setLevelOnAppeal).
 * Nothing is marked when the certificate or case no longer stands on the decision appealed.
 */
async function reversalWrites(deps: Deps, actor: Actor, matter: Matter, at: Date): Promise<Plan['writes']> {
  const about = matter.appealOf;
  const number = matter.certificateNumber;
  if (matter.outcome !== 'reversed' || matter.state !== 'decided' || !about) return [];
  if (about.decision === 'rejection') return caseReversalWrites(deps, actor, matter, at);
  if (about.decision === 'level') return levelReversalWrites(deps, actor, matter, at);
  if (about.entry === undefined || !number) return [];
  const decision = CERTIFICATE_DECISIONS.find((d) => d === about.decision);
  const certificate = decision && (await deps.store.getCertificate(number));
  if (!decision || !certificate) return [];
  const marked = markAppealReversal(certificate, { matterId: matter.id, decision, entry: about.entry }, chinaDate(at));
  return marked ? (await planCertificateChange(deps, actor, certificate, marked, at)).writes : [];
}

async function caseReversalWrites(deps: Deps, actor: Actor, matter: Matter, at: Date): Promise<Plan['writes']> {
  const about = matter.appealOf;
  const application = about && (await deps.store.getApplication(about.applicationId));
  if (!about?.decidedAt || !application) return [];
  const appeal = { matterId: matter.id, decision: 'rejection' as const, decidedAt: about.decidedAt };
  const marked = markCaseAppealReversal(application, { ...appeal, involved: matter.involved }, chinaDate(at));
  if (!marked) return [];
  const stream = eventStreamOf('application', application.id);
  const { value, event } = await advance<Application>(stream, application, marked.next, marked.event, actor, at);
  return [
    { kind: 'application', value, expectedVersion: application.version },
    { kind: 'event', value: event },
  ];
}

/**
 * The certificate the case issued, marked when its level still stands on the decision appealed; a case approved and
 * not yet issued (or renewed) keeps the mark itself, for the certificate it issues.
 */
async function levelReversalWrites(deps: Deps, actor: Actor, matter: Matter, at: Date): Promise<Plan['writes']> {
  const about = matter.appealOf;
  const application = about && (await deps.store.getApplication(about.applicationId));
  if (!about?.decidedAt || !application || application.decision?.at !== about.decidedAt) return [];
  const appeal = { matterId: matter.id, decidedAt: about.decidedAt, involved: matter.involved };
  const pending = markPendingLevelAppealReversal(application, appeal, chinaDate(at));
  if (pending) {
    const stream = eventStreamOf('application', application.id);
    const { value, event } = await advance<Application>(stream, application, pending.next, pending.event, actor, at);
    return [
      { kind: 'application', value, expectedVersion: application.version },
      { kind: 'event', value: event },
    ];
  }
  const number = application.certificateNumber ?? matter.certificateNumber;
  const certificate = number && (await deps.store.getCertificate(number));
  if (!certificate) return [];
  const marked = markLevelAppealReversal(certificate, { ...appeal, applicationId: application.id }, chinaDate(at));
  return marked ? (await planCertificateChange(deps, actor, certificate, marked, at)).writes : [];
}

/** An applicant's appeal: a matter received, whose involved are the case's evaluators and deciders. */
export async function planFileAppeal(deps: Deps, actor: Actor, id: string, input: CaseAppealInput): Promise<Plan> {
  const at = deps.clock();
  const application = await loadApplication(deps, id);
  const about = appealOfCase(application, input.decision, actor, at);
  return planAppealReceived(deps, { ...about, creditCode: application.organization.creditCode }, input, actor, at);
}

/**
 * The holder's appeal against the suspension or withdrawal of its certificate: the decision and who took it are read
 * from the certificate's own history, and whoever evaluated, audited or decided it is involved. Another holder's
 * certificate is missing, whatever the caller's roles.
 */
export async function planFileCertificateAppeal(
  deps: Deps,
  actor: Actor,
  number: string,
  input: CertificateAppealInput,
): Promise<Plan> {
  const at = deps.clock();
  const certificate = await loadCertificate(deps, number);
  const [application, events] = await Promise.all([
    deps.store.getApplication(certificate.applicationId),
    deps.store.listEvents(eventStreamOf('certificate', number)),
  ]);
  const about = appealOfCertificate(certificate, input.decision, { application, events }, actor, at);
  return planAppealReceived(deps, { ...about, creditCode: certificate.organization.creditCode }, input, actor, at);
}

/**
 * The appeal last filed against the decision, read with its matter: a second appeal is refused while it is open or
 * once it was decided (409 APPEAL_ALREADY_FILED); the marker is written from the step read, so of two filed at once
 * one lands.
 */
async function repeatAppealWrite(deps: Deps, about: Parameters<typeof appealedDecisionKey>[0], matterId: string) {
  const { key, marker, matterId: earlierId, matter: earlier } = await lastAppealAgainst(deps, about);
  const refusal = repeatAppealRefusal(earlier && matterOf(earlier));
  if (refusal) throw new DomainError(refusal, `the decision was appealed in matter ${earlierId}`);
  const step = typeof marker?.step === 'number' ? marker.step : null;
  return {
    kind: 'advance',
    value: { ...key, matterId, step: (step ?? 0) + 1 },
    from: step,
  } satisfies Plan['writes'][number];
}

/**
 * An appeal received, against a case's decision or a certificate's: like the applicant's other steps, it acts for
 * the organization (creditCode), so only while the account is linked to it (403 NOT_LINKED), on either side.
 */
async function planAppealReceived(
  deps: Deps,
  appealed: Pick<Matter, 'involved' | 'certificateNumber'> & {
    appealOf: NonNullable<Matter['appealOf']>;
    creditCode: string;
  },
  input: { grounds: string },
  actor: Actor,
  at: Date,
): Promise<Plan> {
  const { creditCode, ...about } = appealed;
  await requireActingFor(deps, actor, creditCode);
  const matterId = newApplicationId(at);
  const marker = await repeatAppealWrite(deps, about, matterId);
  const received = {
    id: matterId,
    kind: 'appeal' as const,
    state: 'received' as const,
    receivedAt: at.toISOString(),
    description: input.grounds,
    ...about,
  };
  const head = { version: 0, eventSeq: 0, lastEventHash: GENESIS_HASH };
  const { value, event } = await advance<Matter>(
    eventStreamOf('matter', matterId),
    head,
    received,
    { action: 'receive', from: null, to: 'received', data: { kind: 'appeal', ...about.appealOf } },
    actor,
    at,
  );
  const expiresAt = Math.floor(at.getTime() / 1000) + COMPLAINT_SETTINGS.retentionDays * 86_400;
  const item = { ...keys.matter(matterId), entity: 'matter', ...value, ...matterIndexAttributes(value), expiresAt };
  return {
    writes: [
      { kind: 'advance', value: { ...item, step: value.version }, from: null },
      matterEventWrite(event, expiresAt),
      { ...marker, value: { ...marker.value, expiresAt } },
    ],
    outcome: { status: 201, body: value },
  };
}
