/**
 * The appeals on record against the decisions a case or a certificate stands on: the appeal last filed against each
 * (its `APPEALED#<decision>` marker) and where it stands. The filing reads it to refuse a second appeal; a case's or a
 * certificate's answer carries it so that the console asks the same rule before it offers "appeal".
 */
import {
  type AppealOnRecord,
  appealedDecisionKey,
  CASE_DECISIONS,
  CERTIFICATE_DECISIONS,
  caseAppealedDecision,
  certificateAppealedDecision,
  type Matter,
} from '../../shared/complaints';
import type { Application, Certificate } from '../../shared/model';
import { keys } from '../../shared/store/keys';
import type { Deps } from './deps';

type Appealed = Parameters<typeof appealedDecisionKey>[0];

/** The marker of the decision and the matter it names (absent: never appealed, or the matter aged out). */
export async function lastAppealAgainst(deps: Pick<Deps, 'store'>, about: Appealed) {
  const key = keys.appealedDecision(appealedDecisionKey(about));
  const marker = await deps.store.getItem(key.pk, key.sk);
  const matterId = typeof marker?.matterId === 'string' ? marker.matterId : undefined;
  const matter = matterId ? await deps.store.getItem(keys.matter(matterId).pk, keys.matter(matterId).sk) : undefined;
  return { key, marker, matterId, matter: matter as (Record<string, unknown> & Partial<Matter>) | undefined };
}

async function onRecord(deps: Pick<Deps, 'store'>, decisions: (Appealed | null)[]): Promise<AppealOnRecord[]> {
  const found = await Promise.all(
    decisions.map(async (about) => {
      if (!about) return null;
      const { matterId, matter } = await lastAppealAgainst(deps, about);
      if (!matterId || !matter?.state) return null;
      return {
        decisionKey: appealedDecisionKey(about),
        matterId,
        state: matter.state,
        ...(matter.outcome ? { outcome: matter.outcome } : {}),
      } satisfies AppealOnRecord;
    }),
  );
  return found.filter((a): a is NonNullable<typeof a> => a !== null);
}

/** The appeals on record against the decisions on a case (its rejection, or the level it was certified at). */
export function caseAppealsOnRecord(deps: Pick<Deps, 'store'>, application: Application): Promise<AppealOnRecord[]> {
  return onRecord(
    deps,
    CASE_DECISIONS.map((d) => caseAppealedDecision(application, d)),
  );
}

/** The appeal on record against the suspension or withdrawal a certificate stands on. */
export function certificateAppealsOnRecord(
  deps: Pick<Deps, 'store'>,
  certificate: Certificate,
): Promise<AppealOnRecord[]> {
  return onRecord(
    deps,
    CERTIFICATE_DECISIONS.map((d) => certificateAppealedDecision(certificate, d)),
  );
}
