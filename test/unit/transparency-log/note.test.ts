import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ed25519KeyId,
  formatCheckpoint,
  formatLogProof,
  formatVerifierKey,
  inclusionProof,
  leafHash,
  type NoteSigner,
  type NoteVerifier,
  openCheckpoint,
  openNote,
  parseCheckpoint,
  parseLogProof,
  parseVerifierKey,
  signNote,
  treeHash,
  verifyLogProof,
} from '../../../shared/transparency-log';
import { memoryTree } from '../../support/merkle-memory';

async function newKey(name: string): Promise<{ signer: NoteSigner; verifier: NoteVerifier }> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
  const keyId = await ed25519KeyId(name, raw);
  return {
    signer: { name, keyId, sign: async (m) => new Uint8Array(sign(null, m, privateKey)) },
    verifier: { name, keyId, publicKey: raw },
  };
}

describe('signed notes', () => {
  it('verifies the example of the C2SP signed-note specification with its verifier key', async () => {
    const verifier = await parseVerifierKey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k');
    expect(verifier).toBeDefined();
    const note =
      'This is an example message.\n\n' +
      '\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
    expect(await openNote(note, verifier!)).toEqual({ ok: true, text: 'This is an example message.\n' });
    expect(await openNote(note.replace('example message', 'exemple message'), verifier!)).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
    });
  });

  it('refuses a verifier key whose ID is not the hash of its name and key', async () => {
    expect(
      await parseVerifierKey('example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k'),
    ).toBeUndefined();
    expect(
      await parseVerifierKey('example.com/foo+530d903a+AkyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k'),
    ).toBeUndefined();
  });

  it('signs a checkpoint that opens with the log key, ignores a witness signature and refuses an unknown key', async () => {
    const log = await newKey('registry.example/log');
    const witness = await newKey('witness.example');
    const root = new Uint8Array(32).fill(7);
    const note = await signNote(formatCheckpoint({ origin: 'registry.example/log', size: 42, root }), log.signer);
    expect(note).toMatch(/^registry\.example\/log\n42\nBwcH[A-Za-z0-9+/]+=\n\n\u2014 registry\.example\/log \S+\n$/u);
    const vkey = formatVerifierKey(log.verifier);
    const parsed = await parseVerifierKey(vkey);
    expect(parsed?.keyId).toBe(log.verifier.keyId);
    const opened = await openCheckpoint(note, parsed!, 'registry.example/log');
    expect(opened.ok && opened.checkpoint.size).toBe(42);

    const cosigned = `${note}${(await signNote('x\n', witness.signer)).split('\n\n')[1]}`;
    expect((await openCheckpoint(cosigned, log.verifier, 'registry.example/log')).ok).toBe(true);
    expect(await openCheckpoint(note, witness.verifier, 'registry.example/log')).toEqual({
      ok: false,
      code: 'UNKNOWN_KEY',
    });
    expect(await openCheckpoint(note, log.verifier, 'other.example/log')).toEqual({ ok: false, code: 'WRONG_ORIGIN' });
    expect(await openCheckpoint(note.replace('\n42\n', '\n43\n'), log.verifier, 'registry.example/log')).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
    });
  });

  it('reads a checkpoint body only in its one spelling', () => {
    const root = 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=';
    expect(parseCheckpoint(`o\n42\n${root}\n`)?.size).toBe(42);
    for (const bad of [
      `o\n042\n${root}\n`,
      `o\n42\n${root}`,
      `o\n42\n${root}\nextra\n`,
      `o\n-1\n${root}\n`,
      `\n1\n${root}\n`,
    ]) {
      expect(parseCheckpoint(bad), bad).toBeUndefined();
    }
  });
});

describe('tlog-proof', () => {
  it('proves an entry against a signed checkpoint, and fails for another entry or a forged checkpoint', async () => {
    const log = await newKey('registry.example/log');
    const entries = Array.from({ length: 11 }, (_, i) => new TextEncoder().encode(`e${i}`));
    const read = await memoryTree(await Promise.all(entries.map(leafHash)));
    const checkpoint = await signNote(
      formatCheckpoint({ origin: 'registry.example/log', size: 11, root: await treeHash(read, 11) }),
      log.signer,
    );
    const text = formatLogProof({ index: 6, proof: await inclusionProof(read, 6, 11), checkpoint });
    expect(text.split('\n')[0]).toBe('c2sp.org/tlog-proof@v1');
    expect(parseLogProof(text)?.index).toBe(6);
    const good = await verifyLogProof(text, entries[6]!, log.verifier, 'registry.example/log');
    expect(good.ok && good.index).toBe(6);
    expect(await verifyLogProof(text, entries[5]!, log.verifier, 'registry.example/log')).toEqual({
      ok: false,
      code: 'NOT_INCLUDED',
    });
    const forged = text.replace('\n11\n', '\n12\n');
    expect((await verifyLogProof(forged, entries[6]!, log.verifier, 'registry.example/log')).ok).toBe(false);
  });
});
