/** What every view is given: the signed-in person, the evaluators one may assign, and the shell's notices. */
import type { Msg } from '../common/i18n';
import type { SignInOption } from './auth';
import type { SessionUser } from './session';

export interface ConsoleContext {
  user: SessionUser;
  /** People one may assign as evaluator (from the development provider; empty in AWS, where it is typed in). */
  evaluators: readonly SignInOption[];
  /** A short confirmation in the page's status region, read out by screen readers. */
  notify(message: Msg): void;
}

export type View = (ctx: ConsoleContext, main: HTMLElement, param: string) => Promise<void>;
