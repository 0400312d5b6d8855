/**
 * Reads a KMS key policy the way KMS does for the questions the tests ask: which principals an Allow statement
 * lets perform an action (wildcards in actions included), and whether any of them is the account itself.
 */
export type PolicyStatementJson = {
  Sid?: string;
  Effect: string;
  Principal?: unknown;
  Action: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Whether a policy action pattern (`kms:*`, `kms:Sign*`, `*`) covers `action`. */
export function actionCovers(pattern: string, action: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
  return regex.test(action);
}

/** Every principal (as JSON text) that an Allow statement of `policy` lets do `action`. */
export function principalsAllowed(policy: { Statement: PolicyStatementJson[] }, action: string): string[] {
  return policy.Statement.filter((st) => st.Effect === 'Allow' && list(st.Action).some((a) => actionCovers(a, action)))
    .flatMap((st) => {
      const p = st.Principal as { AWS?: unknown; Service?: unknown } | string | undefined;
      if (p === '*' || p === undefined) return ['*'];
      if (typeof p === 'string') return [p];
      return [...list(p.AWS), ...list(p.Service)];
    })
    .map((p) => JSON.stringify(p));
}

/** The account as a principal, in each form a template may write it: `*`, an account id, `…:root`. */
export function isAccountWide(principalJson: string): boolean {
  return principalJson === '"*"' || /:root\b|AWS::AccountId"?\}?"?$|^"\d{12}"$/.test(principalJson);
}

/**
 * Throws unless exactly `expected` principals may sign with the key (the check the star-mark and receipt keys must
 * pass). Used on the stack's keys, and on CDK's default key policy to prove it fails.
 */
export function assertOnlySigners(policy: { Statement: PolicyStatementJson[] }, expected: unknown[]): void {
  const signers = principalsAllowed(policy, 'kms:Sign').sort();
  const wanted = expected.map((e) => JSON.stringify(e)).sort();
  const wide = signers.filter(isAccountWide);
  if (wide.length) throw new Error(`account-wide principals may sign: ${wide.join(', ')}`);
  if (JSON.stringify(signers) !== JSON.stringify(wanted)) {
    throw new Error(`signers are ${signers.join(', ')}; expected ${wanted.join(', ')}`);
  }
}
