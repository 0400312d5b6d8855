/**
 * A case queue's tab as a DynamoDB query: the index partition that holds it and, for the committee's, the filter
 * that leaves out the cases this member may not decide — the negation of namedCommitteeRefusal and
 * impartialityRefusal (shared/lifecycle/guards.ts), evaluated by DynamoDB inside the query. test/integration/case-queues.test.ts holds it to inCaseQueue.
 */
import type { CaseQueueQuery } from '../../shared/lifecycle/queues';
import { indexKeys } from '../../shared/store/keys';
import type { IndexName } from '../../shared/table';

export interface QueueQuery {
  index: IndexName;
  pk: string;
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
}

export function queueQueryOf(q: CaseQueueQuery): QueueQuery {
  if (q.queue === 'evaluating') return { index: 'gsi4', pk: indexKeys.applicationsByEvaluatorInState(q.sub, q.state) };
  const byState = { index: 'gsi1' as const, pk: indexKeys.applicationsByState(q.state) };
  if (q.queue === 'all') return byState;
  return {
    ...byState,
    filter: {
      // A missing attribute compares as neither equal nor unequal: it is asked for on its own.
      expression:
        '(attribute_not_exists(#committee) OR #committee = :me) AND ' +
        '(attribute_not_exists(#evaluator) OR #evaluator <> :me) AND ' +
        '(attribute_not_exists(#conflicted) OR NOT contains(#conflicted, :me)) AND ' +
        '(attribute_not_exists(#recused) OR NOT contains(#recused, :me))',
      names: {
        '#committee': 'committeeSub',
        '#evaluator': 'evaluatorSub',
        '#conflicted': 'conflictedEvaluators',
        '#recused': 'recusedDeciders',
      },
      values: { ':me': q.sub },
    },
  };
}
