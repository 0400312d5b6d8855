/** Walks a case through the lifecycle over HTTP, step by step, as staff would. */
import { expect } from 'vitest';
import { generateCreditCode } from '../../shared/credit-code';
import { sheetWithTotal } from '../../shared/scheme';
import type { ApiClient } from './local-system';

export interface CaseActors {
  applicant: string;
  evaluator: string;
  committee: string;
  admin: string;
}

export const DEFAULT_ACTORS: CaseActors = {
  applicant: 'applicant-acme',
  evaluator: 'evaluator-li',
  committee: 'committee-zhao',
  admin: 'admin-qian',
};

export function applicationBody(seed: number, name = `测试售后服务有限公司${seed}`) {
  return {
    organization: { name, creditCode: generateCreditCode(seed) },
    scope: '家用电器的销售与售后服务',
    operatingSince: '2024-01-01',
  };
}

async function ok(call: Promise<{ status: number; body: any }>, status = 200) {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** Submitted → accepted → document review passed → scored; returns the application id. */
export async function caseToScored(
  api: ApiClient,
  seed: number,
  total: number,
  who: CaseActors = DEFAULT_ACTORS,
  name?: string,
): Promise<string> {
  const app = await ok(api.post('/v1/staff/applications', applicationBody(seed, name), who.applicant), 201);
  await ok(
    api.post(
      `/v1/staff/applications/${app.id}/accept`,
      { evaluatorSub: who.evaluator, contractNo: `HT-${seed}` },
      who.admin,
    ),
  );
  await ok(api.post(`/v1/staff/applications/${app.id}/pass-document-review`, {}, who.evaluator));
  await ok(
    api.post(
      `/v1/staff/applications/${app.id}/record-on-site-review`,
      { reviewDate: '2026-11-01', scoreSheet: sheetWithTotal(total) },
      who.evaluator,
    ),
  );
  return app.id as string;
}

/** A case walked all the way to an issued certificate (of an organization so named); returns the certificate. */
export async function issuedCertificate(
  api: ApiClient,
  seed: number,
  total = 92,
  who: CaseActors = DEFAULT_ACTORS,
  name?: string,
) {
  const id = await caseToScored(api, seed, total, who, name);
  await ok(api.post(`/v1/staff/applications/${id}/approve`, {}, who.committee));
  const issued = await ok(api.post(`/v1/staff/applications/${id}/issue`, {}, who.admin));
  return issued.certificate as any;
}

/** A certification desk that lives in time: issues on a given day and records surveillances, as the flows need. */
export function certificateDesk(sys: { api: ApiClient; setNow(iso: string): void }, firstSeed: number) {
  let seed = firstSeed;
  return {
    at: (date: string) => `${date}T02:00:00Z`,
    async issuedOn(date: string, total = 92) {
      sys.setNow(`${date}T02:00:00Z`);
      return issuedCertificate(sys.api, seed++, total);
    },
    surveil: (number: string, auditDate: string, total: number, extra: Record<string, unknown> = {}) =>
      sys.api.post(
        `/v1/staff/certificates/${number}/record-surveillance`,
        { auditDate, scoreSheet: sheetWithTotal(total), ...extra },
        'evaluator-li',
      ),
  };
}
