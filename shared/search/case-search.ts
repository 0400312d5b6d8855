/**
 * What the console's search box means to staff: an application id or a certificate number (one direct read), a
 * valid 统一社会信用代码 (the organization record and the certificates' credit-code index), or otherwise a part of
 * an organization name (the organizations' name index and the certificates'). Pure, so the console can say what it
 * searched for.
 */
import { organizationTermKeys } from '../organizations/name-terms';
import { APPLICATION_ID_RE } from '../schemas/common';
import { planSearch, type SearchPlan } from './query';

export type CaseSearchPlan =
  | { kind: 'application'; id: string }
  | Exclude<SearchPlan, { kind: 'name' }>
  | (Extract<SearchPlan, { kind: 'name' }> & { organizationPartition: string });

/** How many organizations a name search reads the cases of: a longer list asks for a longer name. */
export const CASE_SEARCH_MAX_ORGANIZATIONS = 10;

/** Null when the query has fewer than two characters that count. */
export function planCaseSearch(raw: string): CaseSearchPlan | null {
  const compact = raw.trim().toUpperCase();
  if (APPLICATION_ID_RE.test(compact)) return { kind: 'application', id: compact };
  const plan = planSearch(raw);
  if (plan?.kind !== 'name') return plan;
  return { ...plan, organizationPartition: organizationTermKeys.partition(plan.chars.slice(0, 2).join('')) };
}
