/**
 * One step of a matter's handling, as a pure function over the stored matter: who may take it (the step table's
 * role, and never anyone involved in what the matter is about), the state it reaches, and what it records. The
 * event says what happened, never the reporter's contact nor the words of a note or reply: those stay on the
 * matter, which the table forgets (the contact as soon as the reply has gone).
 */
import { addDays, chinaDate, type IsoDate } from '../calendar';
import { DomainError } from '../errors';
import type { EventDraft } from '../lifecycle/events';
import type { Actor } from '../model';
import { requireUninvolved } from './involvement';
import { MATTER_OUTCOMES_FOR, type Matter } from './matter';
import type { MatterStepInput } from './schemas';
import { COMPLAINT_SETTINGS } from './settings';
import { MATTER_STEPS, type MatterStep, nextMatterState } from './states';
import { matterStepRefusal } from './step-refusal';

const STEP_BY_SLUG = Object.fromEntries(
  (Object.keys(MATTER_STEPS) as MatterStep[]).map((step) => [MATTER_STEPS[step].slug, step]),
) as Record<MatterStepInput['step'], MatterStep>;

type Handled = Omit<Matter, 'version' | 'eventSeq' | 'lastEventHash'>;

export function takeMatterStep(
  matter: Matter,
  input: MatterStepInput,
  actor: Actor,
  at: Date,
): { next: Handled; draft: EventDraft } {
  const step = STEP_BY_SLUG[input.step];
  const refusal = matterStepRefusal(matter, step, actor);
  if (refusal) throw new DomainError(refusal, `${input.step} on matter ${matter.id} is not ${actor.sub}'s to take`);
  const to = nextMatterState(matter.state, step);
  const { version: _v, eventSeq: _s, lastEventHash: _h, ...current } = matter;
  const draft = (data: Record<string, unknown> = {}): EventDraft => ({
    action: input.step,
    from: matter.state,
    to,
    data,
  });
  switch (input.step) {
    case 'acknowledge':
      return { next: { ...current, state: to, acknowledgedAt: at.toISOString() }, draft: draft() };
    case 'assign':
      requireUninvolved(input.handlerSub, matter);
      return {
        next: { ...current, state: to, handlerSub: input.handlerSub },
        draft: draft({ handlerSub: input.handlerSub }),
      };
    case 'add-note':
      return {
        next: {
          ...current,
          notes: [...(matter.notes ?? []), { at: at.toISOString(), by: actor.sub, text: input.note }],
        },
        draft: draft(),
      };
    case 'decide':
      if (!MATTER_OUTCOMES_FOR[matter.kind].includes(input.outcome))
        throw new DomainError('VALIDATION_FAILED', `a ${matter.kind} is not ${input.outcome}`, [
          {
            path: 'body.outcome',
            code: 'NOT_ONE_OF',
            message: `one of ${MATTER_OUTCOMES_FOR[matter.kind].join(', ')}`,
          },
        ]);
      return {
        next: { ...current, state: to, outcome: input.outcome, decidedAt: at.toISOString(), decidedBy: actor.sub },
        draft: draft({ outcome: input.outcome }),
      };
    case 'reply':
    case 'dismiss': {
      // The contact served only for the reply: it goes with the closing, in the same write.
      const { contact: _contact, ...closed } = current;
      const words = input.step === 'reply' ? input.reply : input.reason;
      return {
        next: { ...closed, state: to, closedAt: at.toISOString(), reply: words },
        draft: draft({ replied: input.step === 'reply' && matter.contact !== undefined }),
      };
    }
  }
}

/** When the certification body owes the next answer on a matter: its acknowledgement, then its decision. */
export function matterDeadline(matter: Pick<Matter, 'state' | 'receivedAt'>): IsoDate | null {
  const received = chinaDate(new Date(matter.receivedAt));
  if (matter.state === 'received') return addDays(received, COMPLAINT_SETTINGS.acknowledgeDays);
  if (matter.state === 'acknowledged' || matter.state === 'investigating')
    return addDays(received, COMPLAINT_SETTINGS.decideDays);
  return null;
}

const tally = (values: (string | undefined)[]): [string, number][] => {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};

/** The number a counterfeit report is about: the certificate it names, else what the reporter had. */
export const reportedNumberOf = (m: Pick<Matter, 'certificateNumber' | 'reportedNumber'>) =>
  m.certificateNumber ?? m.reportedNumber;

/**
 * Counterfeit reports by the number they name (with the cities it was seen in) and by the city they were seen in,
 * most reported first: many reports of one number in one city stand out at the top.
 */
export function reportPatterns(matters: readonly Matter[]): {
  byNumber: { number: string; count: number; cities: { city: string; count: number }[] }[];
  byCity: { city: string; count: number }[];
} {
  const reports = matters.filter((m) => m.kind === 'counterfeit-report');
  const cities = (rs: readonly Matter[]) =>
    tally(rs.map((m) => m.seenAt?.city)).map(([city, count]) => ({ city, count }));
  return {
    byNumber: tally(reports.map(reportedNumberOf)).map(([number, count]) => ({
      number,
      count,
      cities: cities(reports.filter((m) => reportedNumberOf(m) === number)),
    })),
    byCity: cities(reports),
  };
}
