/** What every view is given: the signed-in person, the people one may assign, and the shell's notices. */

import type { DirectoryMember } from '../../../shared/directory';
import type { Msg } from '../common/i18n';
import type { SessionUser } from './session';

/** The roles an administrator names on a case, each with the directory's members holding it. */
export type Assignable = Readonly<Record<'evaluator' | 'committee', readonly DirectoryMember[]>>;

export interface ConsoleContext {
  user: SessionUser;
  /** People one may assign, by role: the staff directory's members, for an administrator (else none). */
  assignable: Assignable;
  /** A short confirmation in the page's status region, read out by screen readers. */
  notify(message: Msg): void;
}

export type View = (ctx: ConsoleContext, main: HTMLElement, param: string) => Promise<void>;
