/** A public filing as the verify page makes one: a fresh challenge from the API, solved, sent with the report. */
import { solveProof } from '../../shared/complaints';
import type { ApiClient } from './local-system';

export async function solvedProof(api: ApiClient): Promise<{ challenge: string; nonce: string }> {
  const res = await api.get('/v1/reports/challenge');
  if (res.status !== 200) throw new Error(`no challenge: ${res.status} ${JSON.stringify(res.body)}`);
  return solveProof(res.body.challenge, res.body.bits);
}

export const COUNTERFEIT_SEEN_AT = { kind: 'shop', place: '福州市鼓楼区某家电维修店', city: '福州' } as const;

/** A counterfeit report of a forged token, with a fresh proof of work. */
export async function counterfeitReport(api: ApiClient, over: Record<string, unknown> = {}) {
  return {
    kind: 'counterfeit-report',
    verdict: 'BAD_SIGNATURE',
    token: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImZha2UifQ.U00tU1YtMjAyNi0wMDAwMDF8NHwyMDI5MTEyMnwx.c2ln',
    seenAt: COUNTERFEIT_SEEN_AT,
    proof: await solvedProof(api),
    ...over,
  };
}
