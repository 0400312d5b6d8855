/**
 * One step of a matter's handling, as a pure function over the stored matter: who may take it (the step table's
 * role, and never anyone involved in what the matter is about), the state it reaches, and what it records. The
 * event says what happened, never the reporter's contact nor the words of a note or reply: those stay on the
 * matter, which the table forgets (the contact as soon as the reply has gone).
 */
import { addDays, chinaDate, type IsoDate } from '../calendar';
import { DomainError } from '../errors';
import type { EventDraft } from '../lifecycle/events';
import { requireRole } from '../lifecycle/guards';
import type { Actor } from '../model';
import { requireUninvolved } from './involvement';
import type { Matter } from './matter';
import type { MatterStepInput } from './schemas';
import { COMPLAINT_SETTINGS } from './settings';
import { MATTER_STEPS, type MatterStep, nextMatterState, roleForStep } from './states';

const STEP_BY_SLUG = Object.fromEntries(
  (Object.keys(MATTER_STEPS) as MatterStep[]).map((step) => [MATTER_STEPS[step].slug, step]),
) as Record<MatterStepInput['step'], MatterStep>;

type Handled = Omit<Matter, 'version' | 'eventSeq' | 'lastEventHash'>;

/** Notes and the decision come from the person the matter is assigned to, and from nobody involved in it. */
function requireHandler(actor: Actor, matter: Matter): void {
  requireUninvolved(actor.sub, matter);
  if (matter.handlerSub !== actor.sub)
    throw new DomainError('NOT_ASSIGNED_EVALUATOR', `matter ${matter.id} is handled by someone else`);
}

export function takeMatterStep(
  matter: Matter,
  input: MatterStepInput,
  actor: Actor,
  at: Date,
): { next: Handled; draft: EventDraft } {
  const step = STEP_BY_SLUG[input.step];
  requireRole(actor, roleForStep(step, matter.kind));
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
      requireUninvolved(actor.sub, matter);
      return { next: { ...current, state: to, acknowledgedAt: at.toISOString() }, draft: draft() };
    case 'assign':
      requireUninvolved(actor.sub, matter);
      requireUninvolved(input.handlerSub, matter);
      return {
        next: { ...current, state: to, handlerSub: input.handlerSub },
        draft: draft({ handlerSub: input.handlerSub }),
      };
    case 'add-note':
      requireHandler(actor, matter);
      return {
        next: {
          ...current,
          notes: [...(matter.notes ?? []), { at: at.toISOString(), by: actor.sub, text: input.note }],
        },
        draft: draft(),
      };
    case 'decide':
      requireHandler(actor, matter);
      return {
        next: { ...current, state: to, outcome: input.outcome, decidedAt: at.toISOString(), decidedBy: actor.sub },
        draft: draft({ outcome: input.outcome }),
      };
    case 'reply':
    case 'dismiss': {
      requireUninvolved(actor.sub, matter);
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

/** Counterfeit reports by the number they name and by the city they were seen in, most reported first. */
export function reportPatterns(matters: readonly Matter[]): {
  byNumber: { number: string; count: number }[];
  byCity: { city: string; count: number }[];
} {
  const count = (values: (string | undefined)[]) => {
    const tally = new Map<string, number>();
    for (const v of values) if (v) tally.set(v, (tally.get(v) ?? 0) + 1);
    return [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const reports = matters.filter((m) => m.kind === 'counterfeit-report');
  return {
    byNumber: count(reports.map((m) => m.certificateNumber ?? m.reportedNumber)).map(([number, n]) => ({
      number,
      count: n,
    })),
    byCity: count(reports.map((m) => m.seenAt?.city)).map(([city, n]) => ({ city, count: n })),
  };
}
