/** What a pure rule did with a command: 'ok', or the stable code of the DomainError it refused with. */

import { DomainError } from '../../shared/errors';

/** Any other error is a defect, not a refusal, and fails the test that met it. */
export function outcomeOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}
