/**
 * C2SP signed notes with Ed25519 (signature type 0x01) and the tlog-checkpoint body they carry. Verification is
 * Web Crypto, so the page and the monitor check a checkpoint exactly as the log's own tests do. Signing goes through
 * a port: a key file locally, a KMS key (ECC_NIST_EDWARDS25519) in AWS.
 */
import { concat, equalBytes, fromBase64, toBase64, utf8 } from './bytes';
import { HASH_SIZE, type Hash, sha256 } from './hash';

export const ED25519_TYPE = 0x01;
const EM_DASH = '\u2014';
/** Key names: non-empty, no Unicode space, no plus. */
const KEY_NAME = /^[^\s+]+$/u;
const MAX_SIGNATURES = 16;

export interface NoteSigner {
  name: string;
  keyId: number;
  /** Ed25519 (RFC 8032) over the message: 64 bytes. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

export interface NoteVerifier {
  name: string;
  keyId: number;
  publicKey: Uint8Array;
}

const uint32 = (b: Uint8Array) => ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
const uint32Bytes = (n: number) => new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

/** key ID = SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key)[:4]. */
export function ed25519KeyId(name: string, publicKey: Uint8Array): number {
  const digest = sha256(concat(utf8.encode(`${name}\n`), new Uint8Array([ED25519_TYPE]), publicKey));
  return uint32(digest);
}

/** `<name>+<hex key ID>+<base64(0x01 ‖ public key)>`: what the log publishes beside its checkpoint. */
export function formatVerifierKey(v: NoteVerifier): string {
  const id = v.keyId.toString(16).padStart(8, '0');
  return `${v.name}+${id}+${toBase64(concat(new Uint8Array([ED25519_TYPE]), v.publicKey))}`;
}

export function parseVerifierKey(vkey: string): NoteVerifier | undefined {
  // The base64 part may itself hold plus signs: only the first two separate.
  const m = /^([^+]+)\+([^+]+)\+(.+)$/s.exec(vkey.trim());
  if (!m) return undefined;
  const [, name, hex, b64] = m as unknown as [string, string, string, string];
  const key = fromBase64(b64);
  if (!KEY_NAME.test(name) || !/^[0-9a-f]{8}$/.test(hex) || !key || key.length !== 33 || key[0] !== ED25519_TYPE) {
    return undefined;
  }
  const publicKey = key.slice(1);
  const keyId = Number.parseInt(hex, 16);
  // Only keys whose ID is the recommended hash: a vkey whose ID was chosen is not one this log issues.
  if (ed25519KeyId(name, publicKey) !== keyId) return undefined;
  return { name, keyId, publicKey };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what a note may not hold.
const hasControl = (text: string) => /[\u0000-\u0009\u000b-\u001f\u007f]/.test(text);

export async function signNote(text: string, signer: NoteSigner): Promise<string> {
  if (!text.endsWith('\n') || hasControl(text)) throw new RangeError('a note text ends with a newline, no controls');
  const signature = await signer.sign(utf8.encode(text));
  return `${text}\n${EM_DASH} ${signer.name} ${toBase64(concat(uint32Bytes(signer.keyId), signature))}\n`;
}

export type NoteRefusal = 'MALFORMED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE';

async function ed25519Verify(publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  try {
    // Copies onto plain ArrayBuffers: the DOM's BufferSource refuses a view that might be shared memory.
    const raw = Uint8Array.from(publicKey);
    const key = await globalThis.crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    return await globalThis.crypto.subtle.verify(
      { name: 'Ed25519' },
      key,
      Uint8Array.from(signature),
      Uint8Array.from(message),
    );
  } catch {
    return false;
  }
}

/**
 * Opens a note: its text when the signature of the known key verifies. Signatures by other keys are ignored (as the
 * spec asks: witnesses may cosign), but a signature that claims the known key and fails refuses the whole note.
 */
export async function openNote(
  note: string,
  verifier: NoteVerifier,
): Promise<{ ok: true; text: string } | { ok: false; code: NoteRefusal }> {
  if (!note.endsWith('\n') || hasControl(note)) return { ok: false, code: 'MALFORMED' };
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return { ok: false, code: 'MALFORMED' };
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length === 0 || lines.length > MAX_SIGNATURES) return { ok: false, code: 'MALFORMED' };
  let verified = false;
  for (const line of lines) {
    const m = /^\u2014 ([^\s+]+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    const raw = m ? fromBase64(m[2]!) : undefined;
    if (!m || !raw || raw.length < 5) return { ok: false, code: 'MALFORMED' };
    if (m[1] !== verifier.name || uint32(raw) !== verifier.keyId) continue;
    if (!(await ed25519Verify(verifier.publicKey, raw.slice(4), utf8.encode(text)))) {
      return { ok: false, code: 'BAD_SIGNATURE' };
    }
    verified = true;
  }
  return verified ? { ok: true, text } : { ok: false, code: 'UNKNOWN_KEY' };
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Hash;
}

export function formatCheckpoint(c: Checkpoint): string {
  return `${c.origin}\n${c.size}\n${toBase64(c.root)}\n`;
}

/** The checkpoint body; undefined unless it is exactly origin, size and root (this log writes no extension lines). */
export function parseCheckpoint(text: string): Checkpoint | undefined {
  const lines = text.split('\n');
  if (lines.length !== 4 || lines[3] !== '') return undefined;
  const [origin, sizeText, rootText] = lines as [string, string, string];
  const root = fromBase64(rootText);
  if (!origin || !/^(0|[1-9][0-9]{0,15})$/.test(sizeText) || !root || root.length !== HASH_SIZE) return undefined;
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) return undefined;
  return { origin, size, root };
}

export type CheckpointRefusal = NoteRefusal | 'WRONG_ORIGIN';

/** A signed checkpoint, opened with the log's key and held to its origin. */
export async function openCheckpoint(
  note: string,
  verifier: NoteVerifier,
  origin: string,
): Promise<{ ok: true; checkpoint: Checkpoint } | { ok: false; code: CheckpointRefusal }> {
  const opened = await openNote(note, verifier);
  if (!opened.ok) return opened;
  const checkpoint = parseCheckpoint(opened.text);
  if (!checkpoint) return { ok: false, code: 'MALFORMED' };
  if (checkpoint.origin !== origin) return { ok: false, code: 'WRONG_ORIGIN' };
  return { ok: true, checkpoint };
}

export const sameCheckpoint = (a: Checkpoint, b: Checkpoint) =>
  a.origin === b.origin && a.size === b.size && equalBytes(a.root, b.root);
