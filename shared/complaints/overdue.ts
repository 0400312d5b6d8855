/**
 * A reminder to staff that a matter's answer is overdue (its acknowledgement, or its decision): raised by the daily
 * sweep once per matter, state and deadline. It names the matter and nothing of what was reported.
 */
import { matterDeadline } from './handling';
import type { MatterKind } from './kinds';
import type { Matter } from './matter';
import type { MatterState } from './states';

export interface MatterOverdueNotice {
  key: string;
  kind: 'matter_overdue';
  matterId: string;
  matterKind: MatterKind;
  state: MatterState;
  deadline: string;
}

/** The reminder a matter calls for on `today` (Beijing), or null while its answer is not yet late. */
export function overdueNotice(
  matter: Pick<Matter, 'id' | 'kind' | 'state' | 'receivedAt'>,
  today: string,
): MatterOverdueNotice | null {
  const deadline = matterDeadline(matter);
  if (!deadline || deadline >= today) return null;
  return {
    key: `matter-overdue#${matter.id}#${matter.state}#${deadline}`,
    kind: 'matter_overdue',
    matterId: matter.id,
    matterKind: matter.kind,
    state: matter.state,
    deadline,
  };
}

export function overdueMessage(n: MatterOverdueNotice): { subject: string; asciiSubject: string; text: string } {
  const what = n.state === 'received' ? ['确认收到', 'acknowledgement'] : ['处理结论', 'decision'];
  return {
    subject: `[starmark] ${n.matterId} 已逾期 / overdue`,
    asciiSubject: `[starmark] ${n.matterId}: ${what[1]} overdue since ${n.deadline}`,
    text:
      `事项 ${n.matterId} 的${what[0]}应于 ${n.deadline} 前完成，现已逾期，请在控制台处理。\n\n` +
      `The ${what[1]} of matter ${n.matterId} was due by ${n.deadline} and is overdue: handle it in the console.`,
  };
}
