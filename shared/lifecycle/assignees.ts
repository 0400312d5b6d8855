/**
 * Who a step names for a role on a case: the use case looks each one up in the staff directory before it writes
 * (shared/directory requireAssignable). A step that names nobody answers null.
 */
import type { Assignee } from '../directory';
import type { ApplicationCommand, CertificateCommand } from './transitions';

export function applicationAssignee(command: ApplicationCommand): Assignee | null {
  switch (command.name) {
    case 'accept':
    case 'reassignEvaluator':
      return { sub: command.input.evaluatorSub, role: 'evaluator', field: 'evaluatorSub' };
    case 'assignCommittee':
      return { sub: command.input.committeeSub, role: 'committee', field: 'committeeSub' };
    default:
      return null;
  }
}

export function certificateAssignee(command: CertificateCommand): Assignee | null {
  return command.name === 'assignEvaluator'
    ? { sub: command.input.evaluatorSub, role: 'evaluator', field: 'evaluatorSub' }
    : null;
}
