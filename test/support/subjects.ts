/**
 * A valid request for every route of the table, against real cases in the state where it would succeed: the
 * security suites then change one thing (the caller, one field, the bytes) and check that exactly that is refused.
 * Transitions are read from the transition table — the state a case must be in and the role that acts — so a new
 * transition gets a subject and a caller without an edit here; only its valid body is written down, once.
 */
import { expect } from 'vitest';
import {
  APPLICATION_TRANSITIONS,
  type ApplicationTransition,
  CERTIFICATE_TRANSITIONS,
} from '../../shared/lifecycle/transitions';
import type { ApplicationState, Role } from '../../shared/model';
import type { RouteSpec } from '../../shared/routes';
import { sheetWithTotal } from '../../shared/scheme';
import { decideAppeal } from './decided-appeal';
import type { ApiClient } from './local-system';
import { newApplication } from './organizations';
import {
  ACTING,
  CASE_APPEAL,
  CERTIFICATE_APPEAL,
  CHANGE_REQUESTS,
  KNOWN,
  LEVEL_APPEAL,
  ok,
  VALID_INPUT,
} from './valid-requests';

export { ACTING, VALID_INPUT };

/** The administrator who suspends the subjects an appeal is filed against (not the acting one, who handles it). */
export const SUSPENDING_ADMIN = 'admin-zhou';

/** The steps that take a new case to a state. */
const ROAD: Record<ApplicationState, ApplicationTransition[]> = {
  submitted: [],
  accepted: ['accept'],
  revision_requested: ['accept', 'returnForRevision'],
  document_review_passed: ['accept', 'passDocumentReview'],
  scored: ['accept', 'passDocumentReview', 'recordOnSiteReview'],
  approved: ['accept', 'passDocumentReview', 'recordOnSiteReview', 'approve'],
  rejected: ['accept', 'passDocumentReview', 'recordOnSiteReview', 'reject'],
  issued: ['accept', 'passDocumentReview', 'recordOnSiteReview', 'approve', 'issue'],
  withdrawn: ['withdraw'],
};

/** The certificate steps that decide a surveillance result: their subject has one waiting. */
const AWAITS_COMMITTEE = new Set(['approveSurveillance', 'refuseSurveillance']);
/** The certificate steps that decide a change: their subject has one waiting (a scope extension: reviewed or not). */
const AWAITS_CHANGE: Record<string, { kind: keyof typeof CHANGE_REQUESTS; reviewed: boolean }> = {
  approveChange: { kind: 'rename', reviewed: false },
  refuseChange: { kind: 'rename', reviewed: false },
  reviewScopeExtension: { kind: 'scope-extension', reviewed: false },
  approveScopeExtension: { kind: 'scope-extension', reviewed: true },
  refuseScopeExtension: { kind: 'scope-extension', reviewed: true },
};

/** A request as a client would make it: `as` names the demo user whose token it carries (none: anonymous). */
export interface ValidRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  as?: string;
  /** An integrator's API key, for `auth: 'apiKey'` routes. */
  headers?: Record<string, string>;
}

export class Subjects {
  private shared = new Map<string, Promise<string>>();
  /** Reads the system's client when it acts, so a file may make its Subjects before the system runs. */
  constructor(private readonly sys: { api: ApiClient; log?: { integrate(): Promise<unknown> } }) {}

  get api(): ApiClient {
    return this.sys.api;
  }

  /** A new case of applicant-acme (or another applicant), for a fresh organization, in the given state; its id. */
  async application(state: ApplicationState, applicant: string = ACTING.applicant): Promise<string> {
    const app = await ok(this.api.post('/v1/staff/applications', newApplication(), applicant));
    for (const name of ROAD[state]) {
      const spec = APPLICATION_TRANSITIONS[name];
      await ok(
        this.api.post(
          `/v1/staff/applications/${app.id}/${spec.slug}`,
          VALID_INPUT[`application:${name}`]!(),
          spec.role === 'applicant' ? applicant : ACTING[spec.role as Role],
        ),
      );
    }
    return app.id as string;
  }

  /** A new certificate of applicant-acme (or another applicant), valid or suspended; returns its number. */
  async certificate(status: string, applicant: string = ACTING.applicant): Promise<string> {
    const id = await this.application('issued', applicant);
    const app = await ok(this.api.get(`/v1/staff/applications/${id}`, ACTING.admin));
    const number = app.certificateNumber as string;
    if (status === 'suspended') {
      // Suspended and then cleared by a passing surveillance: a suspension that staff may lift.
      await ok(
        this.api.post(`/v1/staff/certificates/${number}/suspend`, VALID_INPUT['certificate:suspend']!(), ACTING.admin),
      );
      await ok(
        this.api.post(
          `/v1/staff/certificates/${number}/record-surveillance`,
          VALID_INPUT['certificate:recordSurveillance']!(),
          ACTING.evaluator,
        ),
      );
    } else expect(status).toBe('valid');
    return number;
  }

  /** A log with the shared certificate's entries hashed into a signed checkpoint (the proof routes need one). */
  async integratedLog(): Promise<void> {
    await this.readable('certificate');
    if (!this.sys.log) throw new Error('these subjects have no log to integrate');
    await this.sys.log.integrate();
  }

  /** A valid certificate whose surveillance (raising it to five stars) waits for the committee. */
  async certificateAwaitingCommittee(): Promise<string> {
    const number = await this.certificate('valid');
    const raised = await ok(
      this.api.post(
        `/v1/staff/certificates/${number}/record-surveillance`,
        { auditDate: '2026-11-23', scoreSheet: sheetWithTotal(96) },
        ACTING.evaluator,
      ),
    );
    expect(raised.pendingSurveillance?.grounds).toEqual(['level_change']);
    return number;
  }

  /**
   * A valid certificate with a change waiting, requested by its holder: a scope extension reviewed by its evaluator
   * when `reviewed`.
   */
  async certificateAwaitingChange(kind: keyof typeof CHANGE_REQUESTS, reviewed = false): Promise<string> {
    const number = await this.certificate('valid');
    const path = `/v1/staff/certificates/${number}`;
    await ok(this.api.post(`${path}/request-change`, CHANGE_REQUESTS[kind], ACTING.applicant));
    if (reviewed)
      await ok(this.api.post(`${path}/review-scope-extension`, { reviewDate: '2026-11-23' }, ACTING.evaluator));
    return number;
  }

  /**
   * A certificate of applicant-acme suspended today, which its holder may appeal. Another administrator suspends it:
   * whoever suspended it may not handle the appeal, and the acting admin (admin-qian) is to.
   */
  async suspendedCertificate(by = SUSPENDING_ADMIN): Promise<string> {
    const number = await this.certificate('valid');
    const suspend = VALID_INPUT['certificate:suspend']!();
    await ok(this.api.post(`/v1/staff/certificates/${number}/suspend`, suspend, by));
    return number;
  }

  /**
   * A suspended certificate whose holder's appeal a committee member who took no part in it (committee-sun) decided
   * reversed: the admin may restore it.
   */
  async certificateReversedOnAppeal(): Promise<string> {
    const number = await this.suspendedCertificate();
    const appeal = await ok(
      this.api.post(`/v1/staff/certificates/${number}/appeals`, CERTIFICATE_APPEAL, ACTING.applicant),
    );
    await decideAppeal(this.api, appeal.id);
    return number;
  }

  /**
   * A case of applicant-acme rejected by committee-zhao, whose appeal a committee member who took no part in it
   * (committee-sun) decided reversed: the admin may reopen it for a new decision.
   */
  async caseReversedOnAppeal(): Promise<string> {
    const id = await this.application('rejected');
    const appeal = await ok(this.api.post(`/v1/staff/applications/${id}/appeals`, CASE_APPEAL, ACTING.applicant));
    await decideAppeal(this.api, appeal.id);
    return id;
  }

  /** An appeal filed by applicant-acme, reversed by a committee member who took no part in anything (committee-sun). */
  private async reversedAppeal(path: string, appeal: object): Promise<void> {
    const filed = await ok(this.api.post(`${path}/appeals`, appeal, ACTING.applicant));
    await decideAppeal(this.api, filed.id);
  }

  /**
   * A valid four-star certificate whose case reviewer-sun approved, and whose holder's appeal against that level was
   * decided reversed: a member none of the appeal's involved (the acting committee-zhao) may set its level.
   */
  async certificateLevelReversedOnAppeal(): Promise<string> {
    const id = await this.application('scored');
    const path = `/v1/staff/applications/${id}`;
    await ok(this.api.post(`${path}/approve`, {}, 'reviewer-sun'));
    const issued = await ok(this.api.post(`${path}/issue`, {}, ACTING.admin));
    await this.reversedAppeal(path, LEVEL_APPEAL);
    return issued.certificate.number as string;
  }

  /**
   * A case scored below the pass mark and rejected by reviewer-sun, reopened on its appeal: the acting committee
   * member (committee-zhao, who took no part in the rejection) may send it back to its evaluator.
   */
  async caseReopenedBelowPass(): Promise<string> {
    const id = await this.application('document_review_passed');
    const path = `/v1/staff/applications/${id}`;
    const review = { reviewDate: '2026-11-23', scoreSheet: sheetWithTotal(62) };
    await ok(this.api.post(`${path}/record-on-site-review`, review, ACTING.evaluator));
    await ok(this.api.post(`${path}/reject`, { reason: '评分低于合格线' }, 'reviewer-sun'));
    await this.reversedAppeal(path, CASE_APPEAL);
    await ok(this.api.post(`${path}/reopen-on-appeal`, { reason: '申诉撤销原决定' }, ACTING.admin));
    return id;
  }

  /** One case and one certificate that read-only requests share. */
  readable(kind: 'application' | 'certificate'): Promise<string> {
    if (!this.shared.has(kind))
      this.shared.set(kind, kind === 'application' ? this.application('submitted') : this.certificate('valid'));
    return this.shared.get(kind)!;
  }

  /** A request that the route answers with success, made against fresh subjects whenever it would change them. */
  async validRequest(route: RouteSpec): Promise<ValidRequest> {
    if (route.transition) {
      const { aggregate: kind, name } = route.transition;
      const spec = (kind === 'application' ? APPLICATION_TRANSITIONS : CERTIFICATE_TRANSITIONS)[name as never] as {
        from: readonly string[];
        role: Role;
      };
      const subject =
        kind === 'application'
          ? name === 'reopenOnAppeal'
            ? await this.caseReversedOnAppeal()
            : name === 'returnForReassessment'
              ? await this.caseReopenedBelowPass()
              : await this.application(spec.from[0] as ApplicationState)
          : AWAITS_COMMITTEE.has(name)
            ? await this.certificateAwaitingCommittee()
            : AWAITS_CHANGE[name]
              ? await this.certificateAwaitingChange(AWAITS_CHANGE[name].kind, AWAITS_CHANGE[name].reviewed)
              : name === 'restoreOnAppeal'
                ? await this.certificateReversedOnAppeal()
                : name === 'setLevelOnAppeal'
                  ? await this.certificateLevelReversedOnAppeal()
                  : await this.certificate(spec.from[0]!);
      return {
        method: 'POST',
        path: fill(route.path, subject),
        body: VALID_INPUT[`${kind}:${name}` as keyof typeof VALID_INPUT](),
        as: ACTING[spec.role],
      };
    }
    const known = KNOWN[route.op];
    const subject = route.path.includes('{id}')
      ? await this.readable('application')
      : route.path.includes('{number}')
        ? await this.readable('certificate')
        : '';
    const request: ValidRequest = {
      method: route.method,
      path: fill(route.path, subject),
      ...(route.auth === 'staff' ? { as: ACTING.admin } : {}),
    };
    return known ? { ...request, ...(await known(this, subject)) } : request;
  }
}

function fill(path: string, subject: string): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(subject));
}

export function urlOf(request: Pick<ValidRequest, 'path' | 'query'>): string {
  const query = new URLSearchParams(request.query ?? {}).toString();
  return query ? `${request.path}?${query}` : request.path;
}
