/** The KMS key ids a ring is given, from its variable (SIGNING_KEY_IDS, RECEIPT_KEY_IDS, STATUS_KEY_IDS). */
import { KEY_IDS_VARIABLE } from '../../../shared/deployment-env';

/** The variable that names each ring's keys: error messages point the operator at the right one. */
export { KEY_IDS_VARIABLE };

export function parseKeyIds(value: string, variable = KEY_IDS_VARIABLE['star-mark']): string[] {
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!ids.length) throw new Error(`${variable} names no key`);
  return ids;
}
