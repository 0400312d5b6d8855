/**
 * The staff's search for a case or certificate (shared/search/case-search.ts): an id or a number is one direct read;
 * a credit code reads the organization record and its certificates (organizationHoldings); a part of a name reads
 * the organizations' name index and the certificates' (the holders of certificates made before organizations had
 * records are found there), then the holdings of at most CASE_SEARCH_MAX_ORGANIZATIONS of the organizations
 * found. Never a scan.
 */
import { isStaff } from '../../shared/access';
import { DomainError } from '../../shared/errors';
import { refuseUnlessPossible } from '../../shared/lifecycle/step-refusal';
import type { Actor, Application, Certificate } from '../../shared/model';
import { organizationNameContains, organizationTermCode } from '../../shared/organizations/name-terms';
import {
  CASE_SEARCH_MAX_ORGANIZATIONS,
  type CaseSearchPlan,
  isCanonicalItem,
  planCaseSearch,
  termFromItem,
} from '../../shared/search';
import type { Deps } from './deps';
import { organizationHoldings } from './organizations';

export interface CaseSearchAnswer {
  matchedBy: 'application' | 'number' | 'creditCode' | 'name';
  applications: Application[];
  certificates: Certificate[];
  truncated: boolean;
}

/** Index items read per name index: enough for the organizations read, with room for one name matching twice. */
const TERMS_READ = 50;

export async function searchCases(deps: Deps, actor: Actor, q: string): Promise<CaseSearchAnswer> {
  refuseUnlessPossible(isStaff(actor) ? null : 'FORBIDDEN_ROLE', 'case search');
  const plan = planCaseSearch(q);
  if (!plan)
    throw new DomainError('VALIDATION_FAILED', 'query too short', [
      { path: 'query.q', message: 'at least 2 letters or digits', code: 'QUERY_TOO_SHORT' },
    ]);
  if (plan.kind === 'application') {
    const found = await deps.store.getApplication(plan.id);
    return { matchedBy: 'application', applications: found ? [found] : [], certificates: [], truncated: false };
  }
  if (plan.kind === 'number') {
    const found = await deps.store.getCertificate(plan.number);
    return { matchedBy: 'number', applications: [], certificates: found ? [found] : [], truncated: false };
  }
  const { codes, more } =
    plan.kind === 'creditCode' ? { codes: [plan.creditCode], more: false } : await creditCodesNamed(deps, plan);
  const read = codes.slice(0, CASE_SEARCH_MAX_ORGANIZATIONS);
  const holdings = await Promise.all(
    read.map(async (code) => organizationHoldings(deps, await deps.store.getOrganization(code), code)),
  );
  const applications = holdings.flatMap((h) => h.applications);
  applications.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.id.localeCompare(b.id));
  return {
    matchedBy: plan.kind,
    applications,
    certificates: holdings.flatMap((h) => h.certificates),
    truncated: more || codes.length > read.length,
  };
}

/** The credit codes of the organizations whose name (or a certificate's, or a former name) contains the query. */
async function creditCodesNamed(
  deps: Deps,
  plan: Extract<CaseSearchPlan, { kind: 'name' }>,
): Promise<{ codes: string[]; more: boolean }> {
  const [organizations, certificates] = await Promise.all([
    deps.store.queryItems(plan.organizationPartition, { skPrefix: plan.skPrefix, limit: TERMS_READ }),
    deps.store.queryItems(plan.partition, { skPrefix: plan.skPrefix, limit: TERMS_READ }),
  ]);
  const fromRecords = [...new Set(organizations.items.flatMap((i) => organizationTermCode(i) ?? []))];
  const records = await Promise.all(fromRecords.map((code) => deps.store.getOrganization(code)));
  const query = plan.chars.join('');
  const named = records.flatMap((r) => (r && organizationNameContains(r, query) ? [r.creditCode] : []));
  const fromCertificates = certificates.items.flatMap((raw) => {
    const term = termFromItem(raw);
    return term && isCanonicalItem(term, plan.chars) ? [term.creditCode] : [];
  });
  return {
    codes: [...new Set([...named, ...fromCertificates])].sort(),
    // A full page of either index: more may match than was read.
    more: organizations.cursor !== undefined || certificates.cursor !== undefined,
  };
}
