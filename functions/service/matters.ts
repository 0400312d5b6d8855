/**
 * The handling queue of complaints, reports and appeals (staff): the open matters oldest first with the day their
 * next answer is owed, the patterns among counterfeit reports, one matter with its trail, and a step on it. A step
 * is the core's (shared/complaints/handling.ts); it commits with its audit event, conditional on the version read,
 * so two people taking a step at once never both succeed.
 */
import { isStaff } from '../../shared/access';
import {
  type Matter,
  type MatterStepInput,
  matterDeadline,
  OPEN_MATTER_STATES,
  reportPatterns,
  takeMatterStep,
} from '../../shared/complaints';
import { DomainError } from '../../shared/errors';
import type { Actor } from '../../shared/model';
import { eventStreamOf, indexKeys, keys, matterIndexAttributes } from '../../shared/store/keys';
import { advance } from './aggregate';
import type { Deps } from './deps';
import type { Plan } from './plan';

const STORAGE = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity', 'step', 'expiresAt'];

function matterOf(stored: Record<string, unknown>): Matter {
  return Object.fromEntries(Object.entries(stored).filter(([k]) => !STORAGE.includes(k))) as unknown as Matter;
}

function requireStaff(actor: Actor): void {
  if (!isStaff(actor)) throw new DomainError('FORBIDDEN_ROLE', 'complaints and appeals are staff work');
}

async function loadMatter(deps: Deps, id: string): Promise<{ matter: Matter; expiresAt: unknown }> {
  const stored = await deps.store.getItem(keys.matter(id).pk, keys.matter(id).sk);
  if (!stored) throw new DomainError('NOT_FOUND', `matter ${id}`);
  return { matter: matterOf(stored), expiresAt: stored.expiresAt };
}

async function mattersIn(deps: Deps, state: string): Promise<Matter[]> {
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
  return { open: open.map((matter) => ({ matter, deadline: matterDeadline(matter) })), patterns: reportPatterns(open) };
}

export async function matterView(deps: Deps, actor: Actor, id: string) {
  requireStaff(actor);
  const { matter } = await loadMatter(deps, id);
  return { matter, events: await deps.store.listEvents(eventStreamOf('matter', id)) };
}

export async function planMatterStep(deps: Deps, actor: Actor, id: string, input: MatterStepInput): Promise<Plan> {
  requireStaff(actor);
  const at = deps.clock();
  const { matter, expiresAt } = await loadMatter(deps, id);
  const { next, draft } = takeMatterStep(matter, input, actor, at);
  const { value, event } = await advance<Matter>(eventStreamOf('matter', id), matter, next, draft, actor, at);
  // The version read is the condition: a step taken meanwhile by someone else makes this one a 409.
  const item = { ...keys.matter(id), entity: 'matter', ...value, ...matterIndexAttributes(value), step: value.version };
  return {
    writes: [
      { kind: 'advance', value: expiresAt === undefined ? item : { ...item, expiresAt }, from: matter.version },
      { kind: 'event', value: event },
    ],
    outcome: { status: 200, body: value },
  };
}
