/**
 * The public intake of complaints and counterfeit reports: its proof of work checked, counted against the client's
 * hourly allowance, and stored with its audit event and the spent challenge in one transaction. The event records what was filed
 * about, never the reporter's contact or words: those stay on the matter, which the table forgets after the
 * retention period (and the contact when the matter closes).
 */
import { apiKeyKeys } from '../../shared/api-keys';
import { chainEvent, GENESIS_HASH } from '../../shared/audit/chain';
import {
  COMPLAINT_SETTINGS,
  challengeExpiry,
  checkProof,
  claimedNumber,
  INTAKE_LIMITS,
  type Matter,
  newChallenge,
  type PublicFilingInput,
} from '../../shared/complaints';
import { DomainError } from '../../shared/errors';
import { newApplicationId } from '../../shared/ids';
import type { Actor } from '../../shared/model';
import { CERTIFICATE_NUMBER_RE } from '../../shared/schemas/common';
import { eventStreamOf, keys, matterIndexAttributes } from '../../shared/store/keys';
import { CommitConflict } from '../../shared/store/port';
import { log } from '../http/log';
import type { Deps } from './deps';
import { matterEventWrite } from './matter-item';
import { figureWrites } from './report-figures';
import { photoUploadFor, refuseDeclaredPhoto } from './report-photo';

/** A transaction held up by another on one of its items (a figure's tally) is tried again, this often in all. */
const COMMIT_ATTEMPTS = 3;

/** Whoever files without an account: events name the channel, never the person. */
const PUBLIC_FILER: Actor = { sub: 'public', roles: [], name: 'public filing' };
const HOUR_MS = 3_600_000;

export function reportChallenge(deps: Deps) {
  return newChallenge(deps.clock());
}

/** One more filing by this client in the current hour, or 429 RATE_LIMITED until the hour is over. */
async function countFiling(deps: Deps, clientAddress: string): Promise<void> {
  const limit =
    deps.config.reportsPerClientPerHour === undefined
      ? INTAKE_LIMITS.perClientPerHour
      : deps.config.reportsPerClientPerHour;
  if (limit === null) return;
  // Real hours, like the API rate: a test's or a time-travelling clock must not reopen a full window.
  const wall = Date.now();
  const hour = Math.floor(wall / HOUR_MS);
  const key = apiKeyKeys.usage(`report:${clientAddress}`, `h${hour}`);
  const count = await deps.store.countUse(key, limit, (hour + 2) * 3600);
  if (count === null)
    throw new DomainError(
      'RATE_LIMITED',
      `at most ${limit} reports an hour from one client`,
      undefined,
      Math.max(1, Math.ceil(((hour + 1) * HOUR_MS - wall) / 1000)),
    );
}

async function requireProof(deps: Deps, proof: PublicFilingInput['proof']): Promise<number> {
  const check = await checkProof(proof, deps.clock());
  const expiresAt = challengeExpiry(proof.challenge);
  if (check !== 'ok' || expiresAt === undefined)
    throw new DomainError('PROOF_OF_WORK_INVALID', `the proof of work is ${check}`, [
      { path: 'body.proof', message: `the proof of work is ${check}`, code: 'PROOF_OF_WORK_INVALID' },
    ]);
  return expiresAt;
}

/** The matter a filing makes, with the certificate it names when that certificate exists. */
async function matterOf(deps: Deps, id: string, input: PublicFilingInput, at: Date): Promise<Matter> {
  const named =
    input.kind === 'organization-complaint' ? input.number : (input.number ?? claimedNumber(input.token ?? ''));
  const certificate = named && CERTIFICATE_NUMBER_RE.test(named) ? await deps.store.getCertificate(named) : undefined;
  if (input.kind === 'organization-complaint' && !certificate)
    throw new DomainError('NOT_FOUND', `certificate ${input.number}`);
  const base = {
    id,
    kind: input.kind,
    state: 'received' as const,
    receivedAt: at.toISOString(),
    ...(certificate ? { certificateNumber: certificate.number } : named ? { reportedNumber: named } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.contact !== undefined ? { contact: input.contact } : {}),
    // A complaint about an organization is not handled by its evaluator, nor by whoever applied for it.
    involved: certificate && input.kind === 'organization-complaint' ? involvedInCertificate(certificate) : [],
    version: 1,
    eventSeq: 0,
    lastEventHash: GENESIS_HASH,
  };
  if (input.kind === 'organization-complaint') return base;
  return {
    ...base,
    verdict: input.verdict,
    ...(input.token !== undefined ? { token: input.token } : {}),
    seenAt: input.seenAt,
  };
}

function involvedInCertificate(c: { evaluatorSub?: string; applicantSub: string }): string[] {
  return [c.evaluatorSub, c.applicantSub].filter((s): s is string => typeof s === 'string' && s.length > 0);
}

export async function fileReport(deps: Deps, input: PublicFilingInput, clientAddress: string) {
  // The proof first: a request that did no work costs one hash and writes nothing, not even to the client's count.
  const spentUntil = await requireProof(deps, input.proof);
  const declaredPhoto = input.kind === 'counterfeit-report' ? input.photo : undefined;
  refuseDeclaredPhoto(deps, declaredPhoto);
  await countFiling(deps, clientAddress);
  const at = deps.clock();
  const id = newApplicationId(at);
  const photo = declaredPhoto ? await photoUploadFor(deps, id, declaredPhoto, at) : undefined;
  const filed = await matterOf(deps, id, input, at);
  const received = photo ? { ...filed, photoUpload: photo.pending } : filed;
  const event = await chainEvent(
    eventStreamOf('matter', id),
    received,
    {
      action: 'receive',
      from: null,
      to: 'received',
      data: {
        kind: received.kind,
        ...(received.certificateNumber ? { certificateNumber: received.certificateNumber } : {}),
        ...(received.verdict ? { verdict: received.verdict } : {}),
        withContact: received.contact !== undefined,
        ...(photo ? { photoDeclared: true } : {}),
      },
    },
    PUBLIC_FILER,
    at,
  );
  const matter: Matter = { ...received, eventSeq: event.seq, lastEventHash: event.hash };
  const retainedUntil = Math.floor(at.getTime() / 1000) + COMPLAINT_SETTINGS.retentionDays * 86_400;
  const work = {
    writes: [
      // First, so that a second use of one challenge fails here: the proof is spent with the filing or not at all.
      {
        kind: 'advance' as const,
        value: { ...keys.spentChallenge(input.proof.challenge), step: 1, expiresAt: spentUntil },
        from: null,
      },
      {
        kind: 'advance' as const,
        value: {
          ...keys.matter(id),
          entity: 'matter',
          ...matter,
          ...matterIndexAttributes(matter),
          step: matter.version,
          expiresAt: retainedUntil,
        },
        from: null,
      },
      matterEventWrite(event, retainedUntil),
      ...figureWrites(null, matter, at),
    ],
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.store.commit(work);
      break;
    } catch (error) {
      if (!(error instanceof CommitConflict)) throw error;
      // No condition failed: another filing held the figure's tally for a moment. Anything else is a spent proof.
      if (error.failed.length === 0 && attempt < COMMIT_ATTEMPTS) continue;
      throw new DomainError('PROOF_OF_WORK_REUSED');
    }
  }
  log.info('matter received', { matterId: id, kind: matter.kind, certificate: matter.certificateNumber });
  return {
    id,
    kind: matter.kind,
    receivedAt: matter.receivedAt,
    retentionDays: COMPLAINT_SETTINGS.retentionDays,
    ...(photo ? { photoUpload: photo.ticket } : {}),
  };
}
