/**
 * Pagination cursors are the LastEvaluatedKey, base64url-encoded. A cursor from a client is decoded into key
 * attributes only (strings, bounded) so it can never carry anything but a position.
 */
import { DomainError } from '../../shared/errors';

const KEY_ATTRIBUTE = /^(pk|sk|gsi[1-3](pk|sk))$/;

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/**
 * A cursor must name exactly the key attributes of the index it continues, in the partition being read: a cursor
 * from another list (or hand-made) is the client's mistake, not a database error.
 */
export function decodeCursorFor(
  cursor: string | undefined,
  index: 'gsi1' | 'gsi2' | 'gsi3' | undefined,
  partition: string,
): Record<string, string> | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const expected = index ? ['pk', 'sk', `${index}pk`, `${index}sk`] : ['pk', 'sk'];
  const pkName = index ? `${index}pk` : 'pk';
  const names = Object.keys(key).sort();
  if (names.join() !== [...expected].sort().join() || key[pkName] !== partition) throw invalidCursor();
  return key;
}

function invalidCursor(): DomainError {
  return new DomainError('VALIDATION_FAILED', 'invalid cursor', [
    { path: 'query.cursor', message: 'not a cursor this API issued' },
  ]);
}

export function decodeCursor(cursor: string | undefined): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const entries = Object.entries(parsed);
      if (
        entries.length > 0 &&
        entries.length <= 4 &&
        entries.every(([k, v]) => KEY_ATTRIBUTE.test(k) && typeof v === 'string' && v.length <= 1024)
      ) {
        return Object.fromEntries(entries) as Record<string, string>;
      }
    }
  } catch {
    // fall through to the one error below
  }
  throw invalidCursor();
}
