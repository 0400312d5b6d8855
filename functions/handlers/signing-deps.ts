/** The dependencies of the functions that sign star marks (staff, sweep): the common ones and the token issuer. */
import type { Deps } from '../service/deps';
import { StarMarkTokens } from '../signing/issuer';
import { awsDeps } from './aws-deps';

let deps: Promise<Deps> | undefined;

export function signingDeps(): Promise<Deps> {
  deps ??= awsDeps().then((common) =>
    common.signingKeys ? { ...common, starMarks: new StarMarkTokens(common.signingKeys) } : common,
  );
  return deps;
}
