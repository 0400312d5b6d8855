/**
 * The log's own Ed25519 key, for signing checkpoints and nothing else. Locally a key file beside the other keys
 * (`<keys>/log/ed25519.json`, readable by the owner only), made on first use with the log's name, so that a data
 * folder keeps its origin whatever port it is served on; in memory when the system runs without a folder.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519KeyId, type NoteSigner, type NoteVerifier } from '../../shared/transparency-log';

export interface LogKey {
  signer: NoteSigner;
  verifier: NoteVerifier;
}

interface KeyFile {
  name: string;
  privateKeyPkcs8: string;
}

export function rawEd25519PublicKey(key: KeyObject): Uint8Array {
  // The SPKI of an Ed25519 key is a fixed 12-byte header and the 32-byte key.
  return new Uint8Array(key.export({ format: 'der', type: 'spki' }).subarray(-32));
}

function fromPrivate(name: string, privateKey: KeyObject): LogKey {
  const publicKey = rawEd25519PublicKey(createPublicKey(privateKey));
  const keyId = ed25519KeyId(name, publicKey);
  return {
    signer: { name, keyId, sign: async (message) => new Uint8Array(sign(null, message, privateKey)) },
    verifier: { name, keyId, publicKey },
  };
}

/** The key of the log named `name`; a key file made under another name keeps its own (the origin never moves). */
export function openLocalLogKey(keysDir: string | undefined, name: string): LogKey {
  if (!keysDir) return fromPrivate(name, generateKeyPairSync('ed25519').privateKey);
  const dir = join(keysDir, 'log');
  const file = join(dir, 'ed25519.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const record: KeyFile = {
      name,
      privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    };
    // Exclusive create: two processes starting at once cannot each make a key and sign with both.
    try {
      writeFileSync(file, JSON.stringify(record), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const record = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  const key = createPrivateKey({ key: Buffer.from(record.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  return fromPrivate(record.name, key);
}

/** `host[:port]/log`: the schema-less URL of the log, as C2SP recommends for an origin. */
export function logOriginFor(publicBaseUrl: string): string {
  const url = new URL(publicBaseUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}/log`;
}
