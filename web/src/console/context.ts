/** What every view is given: the signed-in person, the evaluators one may assign, and the shell's notices. */

import type { DirectoryMember } from '../../../shared/directory';
import type { Msg } from '../common/i18n';
import type { SessionUser } from './session';

export interface ConsoleContext {
  user: SessionUser;
  /** People one may assign as evaluator: the staff directory's evaluators, for an administrator (else none). */
  evaluators: readonly DirectoryMember[];
  /** A short confirmation in the page's status region, read out by screen readers. */
  notify(message: Msg): void;
}

export type View = (ctx: ConsoleContext, main: HTMLElement, param: string) => Promise<void>;
