/**
 * Fresh organizations for tests: each a valid 统一社会信用代码 (GB 32100, with its check character) and a name that no
 * other organization of the test run has. Tests ask for one and never pick seeds, so no two of them can collide.
 */
import { generateCreditCode } from '../../shared/credit-code';

export interface Organization {
  name: string;
  nameEn?: string;
  creditCode: string;
  address?: string;
}

export interface ApplicationBody {
  organization: Organization;
  scope: string;
  operatingSince: string;
}

// Far above the seeds the demo registry (9001–9114) and the bench corpora (from 0, at most a million) take, so a
// code handed out here belongs to no certificate a test did not make itself.
const FIRST_SEED = 60_000_000;
let handedOut = 0;

/** A new organization; `over` fixes what the test is about (a name, an English name), the rest is fresh. */
export function newOrganization(over: Partial<Organization> = {}): Organization {
  const serial = ++handedOut;
  return { name: `测试售后服务有限公司${serial}`, creditCode: generateCreditCode(FIRST_SEED + serial), ...over };
}

/** A valid application for a new organization (or the parts of one the test fixes). */
export function newApplication(
  organization: Partial<Organization> = {},
  over: Partial<Omit<ApplicationBody, 'organization'>> = {},
): ApplicationBody {
  return {
    organization: newOrganization(organization),
    scope: '家用电器的销售与售后服务',
    operatingSince: '2024-01-01',
    ...over,
  };
}
