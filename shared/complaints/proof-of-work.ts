/**
 * A hashcash-style proof of work, verified here (the functions) and solved here (the verify page), so both agree on
 * every byte. A challenge is `<issued epoch ms>.<32 hex random>`: it needs no server secret, because making one up
 * saves no work — the work is per filing, a challenge is spent by the filing it answers (the store refuses a second
 * use), and one older than its validity is refused.
 */
import { sha256Hex } from '../audit/chain';
import { PROOF_OF_WORK } from './settings';
import { sha256HexSync } from './sha256';

const CHALLENGE_RE = /^(\d{13})\.([0-9a-f]{32})$/;
const NONCE_RE = /^\d{1,16}$/;

export interface ProofOfWork {
  challenge: string;
  nonce: string;
}

export type ProofCheck = 'ok' | 'malformed' | 'expired' | 'not-yet-valid' | 'insufficient';

export function newChallenge(now: Date): { challenge: string; bits: number; expiresAt: string } {
  const random = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const hex = [...random].map((b) => b.toString(16).padStart(2, '0')).join('');
  return {
    challenge: `${now.getTime()}.${hex}`,
    bits: PROOF_OF_WORK.bits,
    expiresAt: new Date(now.getTime() + PROOF_OF_WORK.validSeconds * 1000).toISOString(),
  };
}

/** When the challenge stops being accepted (epoch seconds): how long its spent record must be kept. */
export function challengeExpiry(challenge: string): number | undefined {
  const m = CHALLENGE_RE.exec(challenge);
  return m ? Math.floor(Number(m[1]) / 1000) + PROOF_OF_WORK.validSeconds + PROOF_OF_WORK.skewSeconds : undefined;
}

const hashInput = (challenge: string, nonce: string) => `${PROOF_OF_WORK.domain}:${challenge}:${nonce}`;

/** Leading zero bits of a hex digest. */
export function leadingZeroBits(hex: string): number {
  let bits = 0;
  for (const ch of hex) {
    const nibble = Number.parseInt(ch, 16);
    if (nibble === 0) {
      bits += 4;
      continue;
    }
    return bits + Math.clz32(nibble) - 28;
  }
  return bits;
}

export async function checkProof(
  proof: ProofOfWork,
  now: Date,
  bits: number = PROOF_OF_WORK.bits,
): Promise<ProofCheck> {
  const m = CHALLENGE_RE.exec(proof.challenge);
  if (!m || !NONCE_RE.test(proof.nonce)) return 'malformed';
  const issued = Number(m[1]);
  if (issued > now.getTime() + PROOF_OF_WORK.skewSeconds * 1000) return 'not-yet-valid';
  if (now.getTime() - issued > PROOF_OF_WORK.validSeconds * 1000) return 'expired';
  const digest = await sha256Hex(hashInput(proof.challenge, proof.nonce));
  return leadingZeroBits(digest) >= bits ? 'ok' : 'insufficient';
}

/**
 * Finds a nonce by trying them in order, `batch` at a time; between batches it awaits `onProgress` (a page yields
 * there, so that it can still paint and show it is working) with how many it has tried.
 */
export async function solveProof(
  challenge: string,
  bits: number = PROOF_OF_WORK.bits,
  options: { batch?: number; start?: number; onProgress?: (tried: number) => unknown } = {},
): Promise<ProofOfWork> {
  const batch = options.batch ?? 4096;
  const first = options.start ?? 0;
  for (let start = first; start < Number.MAX_SAFE_INTEGER; start += batch) {
    for (let n = start; n < start + batch; n++) {
      const nonce = String(n);
      if (leadingZeroBits(sha256HexSync(hashInput(challenge, nonce))) >= bits) return { challenge, nonce };
    }
    await options.onProgress?.(start + batch - first);
  }
  throw new Error('no nonce found');
}
