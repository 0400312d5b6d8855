/** An appeal taken to its decision by staff who took no part in what it appeals: acknowledged, assigned, decided. */
import { expect } from 'vitest';
import type { ApiClient } from './local-system';
import { ACTING } from './valid-requests';

/** A committee member who took part in no case or decision of the fixtures: impartial for any appeal. */
export const UNINVOLVED_MEMBER = 'committee-sun';

export async function decideAppeal(
  api: ApiClient,
  matterId: string,
  outcome: 'reversed' | 'confirmed' = 'reversed',
  decider = UNINVOLVED_MEMBER,
): Promise<void> {
  for (const [body, as] of [
    [{ step: 'acknowledge' }, ACTING.admin],
    [{ step: 'assign', handlerSub: decider }, ACTING.admin],
    [{ step: 'decide', outcome }, decider],
  ] as const) {
    const res = await api.post(`/v1/staff/matters/${matterId}/steps`, body, as);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}
