/** Walks a case through the lifecycle over HTTP, step by step, as staff would, for a fresh organization. */
import { expect } from 'vitest';
import { chinaDate } from '../../shared/calendar';
import { sheetWithTotal } from '../../shared/scheme';
import type { ApiClient } from './local-system';
import { newApplication, type Organization } from './organizations';

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

export interface CaseOptions {
  /** Who takes the steps that differ from DEFAULT_ACTORS. */
  by?: Partial<CaseActors>;
  /** What the test fixes of the organization (a name to find it by); the rest is fresh. */
  organization?: Partial<Organization>;
  scope?: string;
}

async function ok(call: Promise<{ status: number; body: any }>, status = 200) {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** Today in China on the system's own clock: the day a step taken now may be dated. */
export async function systemToday(api: ApiClient): Promise<string> {
  const health = await ok(api.get('/health'));
  return chinaDate(new Date(health.time));
}

/** Submitted → accepted → document review passed → scored (reviewed on site today); returns the application id. */
export async function caseToScored(api: ApiClient, total: number, options: CaseOptions = {}): Promise<string> {
  const who = { ...DEFAULT_ACTORS, ...options.by };
  const body = newApplication(options.organization, options.scope ? { scope: options.scope } : {});
  const app = await ok(api.post('/v1/staff/applications', body, who.applicant), 201);
  await ok(
    api.post(
      `/v1/staff/applications/${app.id}/accept`,
      { evaluatorSub: who.evaluator, contractNo: `HT-${app.id}` },
      who.admin,
    ),
  );
  await ok(api.post(`/v1/staff/applications/${app.id}/pass-document-review`, {}, who.evaluator));
  await ok(
    api.post(
      `/v1/staff/applications/${app.id}/record-on-site-review`,
      { reviewDate: await systemToday(api), scoreSheet: sheetWithTotal(total) },
      who.evaluator,
    ),
  );
  return app.id as string;
}

/** A case walked all the way to an issued certificate; returns the certificate. */
export async function issuedCertificate(api: ApiClient, total = 92, options: CaseOptions = {}) {
  const who = { ...DEFAULT_ACTORS, ...options.by };
  const id = await caseToScored(api, total, options);
  await ok(api.post(`/v1/staff/applications/${id}/approve`, {}, who.committee));
  const issued = await ok(api.post(`/v1/staff/applications/${id}/issue`, {}, who.admin));
  return issued.certificate as any;
}

/** A certification desk that lives in time: issues on a given day and records surveillances, as the flows need. */
export function certificateDesk(sys: { api: ApiClient; setNow(isoOrDay: string): void }) {
  return {
    async issuedOn(day: string, total = 92) {
      sys.setNow(day);
      return issuedCertificate(sys.api, total);
    },
    surveil: (number: string, auditDate: string, total: number, extra: Record<string, unknown> = {}) =>
      sys.api.post(
        `/v1/staff/certificates/${number}/record-surveillance`,
        { auditDate, scoreSheet: sheetWithTotal(total), ...extra },
        DEFAULT_ACTORS.evaluator,
      ),
    /** The committee's decision on a surveillance result that waits for it (a member who did not audit it). */
    decide: (number: string, decision: 'approve' | 'refuse', body: Record<string, unknown> = {}) =>
      sys.api.post(
        `/v1/staff/certificates/${number}/${decision}-surveillance`,
        decision === 'refuse' ? { reason: '评分依据不足，需重新审核', ...body } : body,
        DEFAULT_ACTORS.committee,
      ),
  };
}
