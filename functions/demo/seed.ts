/**
 * Seeds the demo registry: every story replayed in date order through the real use cases, with the clock set to each
 * step's day and the daily sweep run on every day it would have acted, so the histories are what the system itself
 * would have written. Idempotent: a marker item says it was done, and a one-shot counter keeps two seeders apart.
 */
import { chinaDate } from '../../shared/calendar';
import { DEMO_STORIES, dateAt, type Story } from '../../shared/demo';
import { nextActionDate } from '../../shared/lifecycle/certificate-dates';
import { CommitConflict } from '../../shared/store/port';
import { OutboxNotifier } from '../notify/outbox';
import type { Notifier } from '../notify/port';
import type { Deps } from '../service/deps';
import { runDailyOperations, runSweep } from '../service/sweep';
import { type StoryState, takeStep } from './steps';

export const DEMO_MARKER = { pk: 'DEMO', sk: 'SEED' };
const CLAIM = 'DEMO#SEED';

export interface SeededOrganization {
  name: string;
  shows: string;
  applicant: string;
  certificate?: string;
}

export interface SeedReport {
  status: 'seeded' | 'already-seeded' | 'in-progress';
  today: string;
  organizations: SeededOrganization[];
  sweeps: number;
}

/** 10:00 in China on that day, plus a few seconds per step so that events of one day keep their order. */
const businessHours = (date: string, seq: number) => new Date(Date.parse(`${date}T10:00:00+08:00`) + seq * 1000);
/** The schedule runs the sweep at 07:00 in China, before anyone is at work. */
const sweepHour = (date: string) => new Date(`${date}T07:00:00+08:00`);

export async function seedDemo(deps: Deps, notifier: Notifier = new OutboxNotifier()): Promise<SeedReport> {
  const today = chinaDate(deps.clock());
  const none: SeedReport = { status: 'already-seeded', today, organizations: [], sweeps: 0 };
  if (await deps.store.getItem(DEMO_MARKER.pk, DEMO_MARKER.sk)) return none;
  try {
    await deps.store.commit({ writes: [{ kind: 'counter', name: CLAIM, expected: 0, next: 1 }] });
  } catch (error) {
    if (error instanceof CommitConflict) return { ...none, status: 'in-progress' };
    throw error;
  }
  try {
    const report = await replay(deps, today);
    await runDailyOperations(deps, notifier);
    await deps.store.commit({
      writes: [
        {
          kind: 'item',
          value: { ...DEMO_MARKER, entity: 'demo-marker', seededOn: today, organizations: report.organizations.length },
        },
      ],
    });
    return report;
  } catch (error) {
    // Give the claim back so that a fixed seeder can run; what was written so far stays, as any real history would.
    await deps.store.commit({ writes: [{ kind: 'counter', name: CLAIM, expected: 1, next: 0 }] });
    throw error;
  }
}

async function replay(deps: Deps, today: string): Promise<SeedReport> {
  let now = deps.clock();
  const demo: Deps = { ...deps, clock: () => new Date(now) };
  const timeline = DEMO_STORIES.flatMap((story, s) =>
    story.steps.map((step, i) => ({ story, step, date: dateAt(today, step.at), order: s * 100 + i })),
  );
  timeline.sort((a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1));

  const states = new Map<Story, StoryState>(DEMO_STORIES.map((story) => [story, { applications: {} }]));
  let sweeps = 0;
  for (const [seq, { story, step, date }] of timeline.entries()) {
    sweeps += await sweepThrough(demo, date, (at) => (now = at));
    now = businessHours(date, seq);
    await takeStep(demo, story, states.get(story)!, step, today, date);
  }
  sweeps += await sweepThrough(demo, today, (at) => (now = at));
  // A story may rename its organization on the way: the report names it as the registry does now.
  const organizations = await Promise.all(
    DEMO_STORIES.map(async (story) => {
      const certificate = states.get(story)?.certificate;
      const current = certificate ? await deps.store.getCertificate(certificate) : undefined;
      return {
        name: current?.organization.name ?? story.organization.name,
        shows: story.shows,
        applicant: story.applicant,
        certificate,
      };
    }),
  );
  return { status: 'seeded', today, organizations, sweeps };
}

/** Runs the sweep on each day up to `until` on which it would have acted, as the daily schedule would have. */
async function sweepThrough(deps: Deps, until: string, setNow: (at: Date) => void): Promise<number> {
  for (let runs = 0; runs < 500; runs++) {
    const due = await earliestActionDay(deps, until);
    if (!due) return runs;
    setNow(sweepHour(due));
    const report = await runSweep(deps);
    if (report.failed.length) throw new Error(`demo sweep on ${due} failed: ${JSON.stringify(report.failed)}`);
  }
  throw new Error('demo sweep did not settle');
}

/** The due index is ordered by next action day, so the first item of each status is the earliest. */
async function earliestActionDay(deps: Deps, until: string): Promise<string | null> {
  let earliest: string | null = null;
  for (const status of ['valid', 'suspended'] as const) {
    const first = (await deps.store.listCertificatesDue({ status, onOrBefore: until, limit: 1 })).items[0];
    const day = first ? nextActionDate(first) : null;
    if (day && (!earliest || day < earliest)) earliest = day;
  }
  return earliest;
}
