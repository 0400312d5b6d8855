/**
 * A matter's handling as data: the states, and each step with the states it leaves from, the state it reaches and
 * the role that takes it. The console, the operations and the tests read this table; the one rule beyond the state
 * (whoever took part in the matter may not handle or decide it) is `requireUninvolved`.
 */
import { DomainError } from '../errors';
import type { Role } from '../model';
import type { MatterKind } from './kinds';

export const MATTER_STATES = ['received', 'acknowledged', 'investigating', 'decided', 'closed'] as const;
export type MatterState = (typeof MATTER_STATES)[number];

/** The states in which a matter still waits for the certification body. */
export const OPEN_MATTER_STATES = ['received', 'acknowledged', 'investigating', 'decided'] as const;

export interface MatterStepSpec {
  slug: string;
  from: readonly MatterState[];
  /** Null: the step keeps the state (a note). */
  to: MatterState | null;
  role: Role;
  /** An appeal is decided by the committee; other matters by the person handling them. */
  roleFor?: Partial<Record<MatterKind, Role>>;
  zh: string;
  en: string;
}

export const MATTER_STEPS = {
  acknowledge: {
    slug: 'acknowledge',
    from: ['received'],
    to: 'acknowledged',
    role: 'admin',
    zh: '确认收到',
    en: 'Acknowledge receipt',
  },
  assign: {
    slug: 'assign',
    from: ['acknowledged', 'investigating'],
    to: 'investigating',
    role: 'admin',
    zh: '指派未参与此事的人员处理',
    en: 'Assign to a person not involved in the matter',
  },
  addNote: {
    slug: 'add-note',
    from: ['investigating'],
    to: null,
    role: 'evaluator',
    roleFor: { appeal: 'committee' },
    zh: '记录调查情况',
    en: 'Record investigation notes',
  },
  decide: {
    slug: 'decide',
    from: ['investigating'],
    to: 'decided',
    role: 'evaluator',
    roleFor: { appeal: 'committee' },
    zh: '作出处理结论',
    en: 'Decide the outcome',
  },
  reply: {
    slug: 'reply',
    from: ['decided'],
    to: 'closed',
    role: 'admin',
    zh: '答复并结案',
    en: 'Reply and close',
  },
  dismiss: {
    slug: 'dismiss',
    from: ['received', 'acknowledged'],
    to: 'closed',
    role: 'admin',
    zh: '不予受理（重复或无实质内容）',
    en: 'Dismiss (a duplicate, or nothing to act on)',
  },
} as const satisfies Record<string, MatterStepSpec>;

export type MatterStep = keyof typeof MATTER_STEPS;

/** The role that takes `step` on a matter of `kind`. */
export function roleForStep(step: MatterStep, kind: MatterKind): Role {
  const spec: MatterStepSpec = MATTER_STEPS[step];
  return spec.roleFor?.[kind] ?? spec.role;
}

/** The state a matter reaches by `step`, or ILLEGAL_TRANSITION where the step does not leave from its state. */
export function nextMatterState(state: MatterState, step: MatterStep): MatterState {
  const spec: MatterStepSpec = MATTER_STEPS[step];
  if (!spec.from.includes(state))
    throw new DomainError('ILLEGAL_TRANSITION', `${step} is not possible on a matter that is ${state}`);
  return spec.to ?? state;
}

/** The steps open to a matter in `state`: what the console offers. */
export function stepsFrom(state: MatterState): MatterStep[] {
  return (Object.keys(MATTER_STEPS) as MatterStep[]).filter((step) =>
    (MATTER_STEPS[step].from as readonly MatterState[]).includes(state),
  );
}
