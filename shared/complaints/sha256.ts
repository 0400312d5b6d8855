/**
 * SHA-256 as a plain synchronous function, for solving the proof of work: Web Crypto answers each digest through a
 * promise, which makes the tens of thousands a proof needs take seconds instead of a fraction of one. It is the
 * transparency log's own synchronous SHA-256 (held to Web Crypto by its tests). Verification stays with Web Crypto
 * (proof-of-work.ts), so a mistake here could only make a proof fail, never let one through.
 */
import { sha256Sync } from '../transparency-log/sha256';

const utf8 = new TextEncoder();

/** The hex SHA-256 of a string's UTF-8 bytes. */
export function sha256HexSync(text: string): string {
  return [...sha256Sync(utf8.encode(text))].map((x) => x.toString(16).padStart(2, '0')).join('');
}
