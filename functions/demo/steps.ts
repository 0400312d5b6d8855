/** One step of a demo story, taken through the same use cases (and input schemas) the HTTP handlers call. */

import { generateCreditCode } from '../../shared/credit-code';
import { dateAt, type Step, type Story } from '../../shared/demo';
import { DomainError } from '../../shared/errors';
import { CHANGE_RULES } from '../../shared/lifecycle/changes';
import {
  APPLICATION_TRANSITIONS,
  type ApplicationCommand,
  type ApplicationTransition,
  CERTIFICATE_TRANSITIONS,
  type CertificateCommand,
  type CertificateTransition,
} from '../../shared/lifecycle/transitions';
import type { Actor } from '../../shared/model';
import { submitApplicationSchema, submitRenewalSchema } from '../../shared/schemas/application';
import { sheetWithTotal } from '../../shared/scheme';
import { DEMO_USERS } from '../local/dev-identity';
import { planApplicationTransition, planRenewal, planSubmit } from '../service/applications';
import { planCertificateTransition } from '../service/certificates';
import type { Deps } from '../service/deps';
import { execute } from '../service/plan';

/** What a story has produced so far: its applications by name and the certificate they led to. */
export interface StoryState {
  applications: Record<string, string>;
  certificate?: string;
  evaluator?: string;
}

function actor(sub: string): Actor {
  const user = DEMO_USERS.find((u) => u.sub === sub);
  if (!user) throw new Error(`demo story names an unknown demo user ${sub}`);
  return { sub: user.sub, roles: user.roles, name: user.name };
}

const ADMIN = 'admin-qian';

export async function takeStep(
  deps: Deps,
  story: Story,
  state: StoryState,
  step: Step,
  today: string,
  on: string,
): Promise<void> {
  const applicant = actor(story.applicant);
  const appId = (name: string) => state.applications[name] ?? fail(`no application ${name} yet`);
  const certificate = () => state.certificate ?? fail('no certificate yet');
  const transition = async (name: ApplicationTransition, who: string, app: string, input: Record<string, unknown>) => {
    // The story's inputs are data, parsed with the transition's own schema as a request body would be.
    const command = { name, input: APPLICATION_TRANSITIONS[name].input.parse(input) } as ApplicationCommand;
    return (await execute(deps, (context) => planApplicationTransition(deps, actor(who), appId(app), command, context)))
      .body as {
      certificate?: { number: string };
    };
  };
  const certificateAct = async (name: CertificateTransition, who: string, input: Record<string, unknown>) => {
    const command = { name, input: CERTIFICATE_TRANSITIONS[name].input.parse(input) } as CertificateCommand;
    await execute(deps, () => planCertificateTransition(deps, actor(who), certificate(), command));
  };

  switch (step.do) {
    case 'submit': {
      const input = submitApplicationSchema.parse({
        organization: { ...story.organization, creditCode: generateCreditCode(story.seed) },
        scope: story.scope,
        operatingSince: dateAt(today, { months: -72 }),
      });
      state.applications[step.app] = (
        (await execute(deps, () => planSubmit(deps, applicant, input))).body as { id: string }
      ).id;
      return;
    }
    case 'renew': {
      const input = submitRenewalSchema.parse({ certificateNumber: certificate() });
      state.applications[step.app] = (
        (await execute(deps, () => planRenewal(deps, applicant, input))).body as { id: string }
      ).id;
      return;
    }
    case 'accept':
      state.evaluator ??= step.evaluator;
      await transition('accept', ADMIN, step.app, { evaluatorSub: step.evaluator, contractNo: step.contractNo });
      return;
    case 'passDocumentReview':
    case 'returnForRevision':
    case 'recordOnSiteReview': {
      const evaluator = (await deps.store.getApplication(appId(step.app)))?.evaluatorSub ?? fail('no evaluator');
      const input =
        step.do === 'returnForRevision'
          ? { reason: step.reason }
          : step.do === 'recordOnSiteReview'
            ? { reviewDate: on, scoreSheet: sheetWithTotal(step.total) }
            : {};
      await transition(step.do, evaluator, step.app, input);
      return;
    }
    case 'approve':
      await transition('approve', step.committee, step.app, {});
      return;
    case 'reject':
      await transition('reject', step.committee, step.app, { reason: step.reason });
      return;
    case 'withdrawApplication':
      await transition('withdraw', story.applicant, step.app, { reason: step.reason });
      return;
    case 'issue':
      state.certificate =
        (await transition('issue', ADMIN, step.app, {})).certificate?.number ?? fail('issue gave no certificate');
      return;
    case 'surveil': {
      const held = await deps.store.getCertificate(certificate());
      await certificateAct('recordSurveillance', held?.evaluatorSub ?? state.evaluator ?? 'evaluator-li', {
        auditDate: on,
        scoreSheet: sheetWithTotal(step.total),
        ...(step.suspendForCause ? { suspendForCause: step.suspendForCause } : {}),
      });
      // A result that changes the level waits for the committee; in the stories it confirms the audit on the day.
      if ((await deps.store.getCertificate(certificate()))?.pendingSurveillance)
        await certificateAct('approveSurveillance', DEMO_COMMITTEE, {});
      return;
    }
    case 'suspend':
    case 'reinstate':
    case 'withdraw':
    case 'cancel':
      await certificateAct(step.do, ADMIN, { reason: step.reason });
      return;
    case 'change': {
      const { kind, to, reasonCategory, reason } = step;
      await certificateAct('requestChange', story.applicant, { kind, to, reasonCategory, reason });
      if (CHANGE_RULES[kind].decidedBy === 'admin') return certificateAct('approveChange', ADMIN, {});
      const held = await deps.store.getCertificate(certificate());
      await certificateAct('reviewScopeExtension', held?.evaluatorSub ?? state.evaluator ?? 'evaluator-li', {
        reviewDate: on,
      });
      return certificateAct('approveScopeExtension', DEMO_COMMITTEE, {});
    }
  }
}

/** The committee member who decides the stories' surveillance results: never an evaluator in them. */
const DEMO_COMMITTEE = 'committee-zhao';

function fail(message: string): never {
  throw new DomainError('INTERNAL', `demo story: ${message}`);
}
