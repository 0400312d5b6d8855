/**
 * Pagination cursors, opaque and authenticated: the position DynamoDB handed back (LastEvaluatedKey), bound to the
 * list it continues (index, partition, range) and signed with HMAC-SHA-256 under the deployment's cursor key. A
 * client can only hand back a cursor this API gave it for the same list: anything else — hand-made, edited, taken
 * from another list, or signed by another deployment — is a 400 (VALIDATION_FAILED, field code INVALID_CURSOR)
 * before the database sees it, so a forged position can never reach DynamoDB as a bad start key (a 500).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../shared/errors';

/** Bounds what a client can make the server parse: a real position is a few hundred bytes. */
const MAX_CURSOR_CHARS = 1024;
const MAC_BYTES = 16;

function invalidCursor(): DomainError {
  return new DomainError('VALIDATION_FAILED', 'invalid cursor', [
    { path: 'query.cursor', message: 'not a cursor this API issued for this list', code: 'INVALID_CURSOR' },
  ]);
}

export class CursorCodec {
  private readonly key: Buffer;

  /** Without a key (one process that serves its own cursors: tests, scripts), a random one for this process. */
  constructor(key?: Uint8Array) {
    this.key = key ? Buffer.from(key) : randomBytes(32);
    if (this.key.length < 32) throw new Error('the cursor key must be at least 32 bytes');
  }

  private mac(list: string, body: string): Buffer {
    return createHmac('sha256', this.key).update(list).update('\n').update(body).digest().subarray(0, MAC_BYTES);
  }

  /** `list` names what the cursor continues (index, partition, range): a cursor of one list fails in another. */
  encode(position: Record<string, unknown> | undefined, list: string): string | undefined {
    if (!position) return undefined;
    const body = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${body}.${this.mac(list, body).toString('base64url')}`;
  }

  decode(cursor: string | undefined, list: string): Record<string, unknown> | undefined {
    if (cursor === undefined) return undefined;
    const [body, mac, extra] = cursor.length <= MAX_CURSOR_CHARS ? cursor.split('.') : [];
    if (!body || !mac || extra !== undefined) throw invalidCursor();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== MAC_BYTES || !timingSafeEqual(given, this.mac(list, body))) throw invalidCursor();
    // Signed by us for this list: it is the position DynamoDB gave, exactly.
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  }
}
