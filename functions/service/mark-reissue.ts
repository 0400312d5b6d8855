/**
 * Re-signing the marks of a revoked key, in bounded batches. Revoking a key starts a job (one item per revoked kid,
 * moved forward with a conditional write, so two runners never both advance it); the revocation request runs it for
 * a few seconds, and the sweep (continueMarkReissues in the daily operations) and every later rotation continue any
 * job left unfinished — also one that had to wait because the revoked key was the signing key and no key signs yet.
 *
 * Each certificate is one transaction: the new mark, its audit event, the console's pending-artwork entry and the
 * holder's notice, conditional on the version read (and so on the old key id: every change of the mark is a new
 * version). The public facts do not change, so the transparency log gets no entry.
 */
import { DomainError } from '../../shared/errors';
import type { Actor, Certificate } from '../../shared/model';
import { type MarkReissuedNotice, markReissuedKey } from '../../shared/operations';
import { artworkPending, needsReissue, REISSUED_STATUSES } from '../../shared/star-mark/reissue';
import { eventStreamOf, keys } from '../../shared/store/keys';
import { CommitConflict, type Write } from '../../shared/store/port';
import { claim } from '../notify/ledger';
import { queueNotice } from '../notify/queue';
import { advance } from './aggregate';
import type { Deps } from './deps';

/** Certificates read per page; each needing a new mark costs one signature and one transaction. */
const PAGE = 25;
/** What the revocation request spends before answering: the staff function's timeout is 15 s. */
export const REQUEST_BUDGET = { ms: 5000 };
/** The sweep's share: it has minutes. */
export const SWEEP_BUDGET = { ms: 120_000 };

interface ReissueJob {
  pk: string;
  sk: string;
  step: number;
  kid: string;
  revokedAt: string;
  /** Index into REISSUED_STATUSES of the status being paged through, and where in it. */
  statusIndex: number;
  cursor?: string;
  done: boolean;
  reissued: number;
}

export interface ReissueReport {
  reissued: string[];
  conflicts: number;
  failed: { number: string; error: string }[];
  /** Revoked kids whose certificates are not all re-signed yet (the budget ran out, or no key signs). */
  unfinished: string[];
  /** No key may sign (the revoked key was the signing one): the jobs wait for a rotation. */
  waitingForKey: boolean;
}

/** Records that the marks of `kid` must be re-signed; a second start for the same kid changes nothing. */
export async function startMarkReissue(deps: Deps, kid: string, revokedAt: string): Promise<void> {
  const job: ReissueJob = {
    ...keys.markReissueJob(kid),
    step: 0,
    kid,
    revokedAt,
    statusIndex: 0,
    done: false,
    reissued: 0,
  };
  try {
    await deps.store.commit({ writes: [{ kind: 'advance', value: { ...job }, from: null }] });
  } catch (error) {
    if (!(error instanceof CommitConflict)) throw error;
  }
}

/**
 * The jobs not done yet. A key revoked where no job was started (the rotate-key CLI changes the key files alone)
 * gets its job here, so whichever path revoked it, its marks are re-signed.
 */
async function unfinishedJobs(deps: Deps): Promise<ReissueJob[]> {
  const jobs: ReissueJob[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.queryItems(keys.markReissueJobs, { cursor, limit: 100 });
    jobs.push(...(page.items as unknown as ReissueJob[]));
    cursor = page.cursor;
  } while (cursor);
  const known = new Set(jobs.map((j) => j.kid));
  const revoked = deps.signingKeys ? (await deps.signingKeys.records()).filter((r) => r.status === 'revoked') : [];
  const missing = revoked.filter((r) => !known.has(r.kid));
  for (const r of missing) await startMarkReissue(deps, r.kid, r.revokedAt ?? deps.clock().toISOString());
  const started = await Promise.all(missing.map((r) => deps.store.getItem(keys.markReissueJob(r.kid).pk, r.kid)));
  return [...jobs, ...(started.filter(Boolean) as unknown as ReissueJob[])].filter((j) => !j.done);
}

/** Runs unfinished jobs until they are done or the budget is spent; safe to run anywhere, any number of times. */
export async function continueMarkReissues(
  deps: Deps,
  actor: Actor,
  budget: { ms: number; pageSize?: number },
): Promise<ReissueReport> {
  const report: ReissueReport = { reissued: [], conflicts: 0, failed: [], unfinished: [], waitingForKey: false };
  const jobs = await unfinishedJobs(deps);
  const started = Date.now();
  for (const first of jobs) {
    let job: ReissueJob = first;
    // At least one page a run, however small the budget: every run moves a job on.
    do job = await runPage(deps, actor, job, report, budget.pageSize ?? PAGE);
    while (job && !job.done && !report.waitingForKey && Date.now() - started < budget.ms);
    if (!job.done) report.unfinished.push(job.kid);
  }
  return report;
}

/** One page of one status: re-sign what needs it, then move the job on (or find another runner moved it). */
async function runPage(
  deps: Deps,
  actor: Actor,
  job: ReissueJob,
  report: ReissueReport,
  size: number,
): Promise<ReissueJob> {
  const status = REISSUED_STATUSES[job.statusIndex] as string;
  const page = await deps.store.listCertificatesExpiring(status, '0000-01-01', '9999-12-31', job.cursor, size);
  const before = report.reissued.length;
  for (const indexed of page.items) {
    if (!needsReissue(indexed, job.kid)) continue;
    const outcome = await reissueOne(deps, actor, indexed, job, report);
    // Nothing signs: the page is not finished, so the job stays where it is until a key is added.
    if (outcome === 'no-key') return job;
  }
  const last = !page.cursor && job.statusIndex + 1 >= REISSUED_STATUSES.length;
  const next: ReissueJob = {
    ...job,
    step: job.step + 1,
    statusIndex: page.cursor ? job.statusIndex : job.statusIndex + 1,
    done: last,
    reissued: job.reissued + report.reissued.length - before,
  };
  if (page.cursor) next.cursor = page.cursor;
  else delete next.cursor;
  try {
    await deps.store.commit({ writes: [{ kind: 'advance', value: { ...next }, from: job.step }] });
    return next;
  } catch (error) {
    if (!(error instanceof CommitConflict)) throw error;
    // Another runner moved the job: carry on from where it got to.
    return (await deps.store.getItem(job.pk, job.sk)) as unknown as ReissueJob;
  }
}

/** The index copy may lag: a lost race re-reads the certificate, consistently, and acts only if it still needs it. */
async function reissueOne(
  deps: Deps,
  actor: Actor,
  indexed: Certificate,
  job: ReissueJob,
  report: ReissueReport,
): Promise<'done' | 'no-key'> {
  let current: Certificate | undefined = indexed;
  for (let attempt = 0; current && attempt < 2; attempt++) {
    if (!needsReissue(current, job.kid)) return 'done';
    try {
      await deps.store.commit({ writes: await reissueWrites(deps, actor, current, job) });
      report.reissued.push(current.number);
      return 'done';
    } catch (error) {
      if (error instanceof DomainError && error.code === 'SIGNING_KEY_UNAVAILABLE') {
        report.waitingForKey = true;
        return 'no-key';
      }
      if (!(error instanceof CommitConflict)) {
        report.failed.push({ number: current.number, error: String((error as Error)?.message ?? error) });
        return 'done';
      }
      report.conflicts++;
      current = await deps.store.getCertificate(current.number);
    }
  }
  return 'done';
}

async function reissueWrites(deps: Deps, actor: Actor, current: Certificate, job: ReissueJob): Promise<Write[]> {
  if (!deps.starMarks) throw new DomainError('SIGNING_KEY_UNAVAILABLE', 'this function signs no star marks');
  const now = deps.clock();
  const { token, kid } = await deps.starMarks.tokenFor(current);
  const { version: _v, eventSeq: _s, lastEventHash: _h, ...rest } = current;
  const { value, event } = await advance<Certificate>(
    eventStreamOf('certificate', current.number),
    current,
    {
      ...rest,
      token,
      tokenKid: kid,
      tokenSignedAt: now.toISOString(),
      markReissue: { revokedKid: job.kid, reissuedAt: now.toISOString() },
    },
    {
      action: 'mark_reissued',
      from: current.status,
      to: current.status,
      reason: 'signing key revoked',
      data: { revokedKid: job.kid, kid },
    },
    actor,
    now,
  );
  const notice: MarkReissuedNotice = {
    key: markReissuedKey(current.number, job.kid),
    kind: 'mark_reissued',
    number: current.number,
    cycle: current.cycle,
    organization: { name: current.organization.name, creditCode: current.organization.creditCode },
    level: current.level,
    applicantSub: current.applicantSub,
    revokedKid: job.kid,
    revokedAt: job.revokedAt,
  };
  // Queued: the function that re-signs may hold no channel (the staff function in AWS); delivery follows.
  const claimed = claim(notice, 'outbox', now);
  return [
    { kind: 'certificate', value, expectedVersion: current.version },
    { kind: 'event', value: event },
    { kind: 'item', value: { ...keys.markReissuePendingEntry(current.number), revokedKid: job.kid } },
    ...claimed.writes,
    queueNotice(claimed.item),
  ];
}

/**
 * New artwork was downloaded: the warning ends, with its audit event, in one transaction. A lost race (another
 * download, any other change) leaves the warning to the next download; the artwork is served either way.
 */
export async function recordArtworkDownload(deps: Deps, actor: Actor, current: Certificate): Promise<void> {
  if (!artworkPending(current) || !current.markReissue) return;
  const now = deps.clock();
  const { version: _v, eventSeq: _s, lastEventHash: _h, ...rest } = current;
  const { value, event } = await advance<Certificate>(
    eventStreamOf('certificate', current.number),
    current,
    { ...rest, markReissue: { ...current.markReissue, downloadedAt: now.toISOString() } },
    {
      action: 'mark_artwork_downloaded',
      from: current.status,
      to: current.status,
      data: { kid: current.tokenKid, revokedKid: current.markReissue.revokedKid },
    },
    actor,
    now,
  );
  try {
    await deps.store.commit({
      writes: [
        { kind: 'certificate', value, expectedVersion: current.version },
        { kind: 'event', value: event },
        { kind: 'delete', key: keys.markReissuePendingEntry(current.number) },
      ],
    });
  } catch (error) {
    if (!(error instanceof CommitConflict)) throw error;
  }
}

/** Certificates whose re-signed mark has not been downloaded yet, oldest re-signing first. */
export async function certificatesAwaitingArtwork(deps: Deps): Promise<Certificate[]> {
  const numbers: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.queryItems(keys.markReissuePending, { cursor, limit: 100 });
    numbers.push(...page.items.map((i) => String(i.sk)));
    cursor = page.cursor;
  } while (cursor);
  if (!numbers.length) return [];
  const found = await deps.store.getCertificates(numbers);
  return [...found.values()]
    .filter(artworkPending)
    .sort((a, b) => (a.markReissue?.reissuedAt ?? '').localeCompare(b.markReissue?.reissuedAt ?? ''));
}
