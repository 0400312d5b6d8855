/**
 * Why a person cannot take a step on a matter now, before any input is read: the step's role, the matter's state,
 * involvement in what the matter is about, and (for notes and the decision) being the one it is assigned to. The
 * core refuses with it first (takeMatterStep); the console offers a step only when it is null, or shows it
 * disabled with the reason, and offers as handler only the people `handlerRefusal` accepts.
 */
import type { ErrorCode } from '../errors';
import { roleRefusal } from '../lifecycle/guards';
import type { Actor } from '../model';
import { isInvolved } from './involvement';
import type { AttachedPhoto, Matter } from './matter';
import { MATTER_STEPS, type MatterStep, type MatterStepSpec, roleForStep } from './states';

type Asker = Pick<Actor, 'sub' | 'roles'>;
type Handled = Pick<Matter, 'kind' | 'state' | 'involved' | 'handlerSub'>;

/** The refusals that say "not yours to take" rather than "not now": the console leaves such a step out. */
export const MATTER_NOT_YOURS: readonly ErrorCode[] = [
  'FORBIDDEN_ROLE',
  'ILLEGAL_TRANSITION',
  'NOT_ASSIGNED_EVALUATOR',
];

/** The steps only the person the matter is assigned to takes. */
const HANDLER_STEPS: readonly MatterStep[] = ['addNote', 'decide'];

/** Who may be named to handle a matter: nobody involved in what it is about. */
export function handlerRefusal(sub: string, matter: Pick<Matter, 'involved'>): ErrorCode | null {
  return isInvolved(sub, matter) ? 'INVOLVED_IN_MATTER' : null;
}

export function matterStepRefusal(matter: Handled, step: MatterStep, asker: Asker): ErrorCode | null {
  const spec: MatterStepSpec = MATTER_STEPS[step];
  return (
    roleRefusal(asker, roleForStep(step, matter.kind)) ??
    (spec.from.includes(matter.state) ? null : 'ILLEGAL_TRANSITION') ??
    (HANDLER_STEPS.includes(step) && matter.handlerSub !== asker.sub ? 'NOT_ASSIGNED_EVALUATOR' : null) ??
    handlerRefusal(asker.sub, matter)
  );
}

/**
 * The reporter's contact is personal data: it is shown only to those handling the matter (an administrator, who
 * replies, and the person it is assigned to), never to anyone involved in it, and never in a list.
 */
export function mayReadContact(asker: Asker, matter: Pick<Matter, 'involved' | 'handlerSub'>): boolean {
  if (isInvolved(asker.sub, matter)) return false;
  return asker.roles.includes('admin') || matter.handlerSub === asker.sub;
}

/** Who may download a report's photo: whoever may read the contact (what a person photographed may be personal). */
export const mayReadPhoto = mayReadContact;

type Shown = Pick<Matter, 'involved' | 'handlerSub' | 'contact' | 'photo' | 'photoUpload'>;

/** A matter as staff are shown it (matterFor): no pending upload, no hash of the reporter's upload secret. */
export type ShownMatter = Omit<Matter, 'photoUpload' | 'photo'> & { photo?: Omit<AttachedPhoto, 'secretSha256'> };

/**
 * The matter as `asker` may see it: without the contact unless they handle it, and never with the hash of the
 * reporter's upload secret (it is the reporter's, not the handling's).
 */
export function matterFor<M extends Shown>(asker: Asker, matter: M): M {
  const { photoUpload: _upload, contact, ...rest } = matter;
  const shown = { ...rest, ...(contact !== undefined && mayReadContact(asker, matter) ? { contact } : {}) };
  if (!shown.photo) return shown as M;
  const { secretSha256: _secret, ...photo } = shown.photo;
  return { ...shown, photo } as unknown as M;
}
