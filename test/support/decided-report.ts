/** A counterfeit report taken by uninvolved staff to its decision (upheld), waiting for the reply. */
import { expect } from 'vitest';
import { counterfeitReport } from './complaints';
import type { ApiClient } from './local-system';
import { ACTING } from './valid-requests';

export async function decidedReport(api: ApiClient, extra: Record<string, unknown> = {}): Promise<string> {
  const filed = await api.post('/v1/reports', await counterfeitReport(api, extra));
  expect(filed.status).toBe(201);
  const id = filed.body.id as string;
  for (const [body, as] of [
    [{ step: 'acknowledge' }, ACTING.admin],
    [{ step: 'assign', handlerSub: ACTING.evaluator }, ACTING.admin],
    [{ step: 'decide', outcome: 'upheld' }, ACTING.evaluator],
  ] as const)
    expect((await api.post(`/v1/staff/matters/${id}/steps`, body, as)).status).toBe(200);
  return id;
}
