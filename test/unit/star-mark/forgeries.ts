/**
 * The forged-token corpus: every way we know to make a star mark lie, each with the verdict it must get. Built from
 * a genuine token and our signer, so that it runs the same against the pure verifier and against the HTTP API.
 */
import { createHmac } from 'node:crypto';
import { base64url, CompactSign, exportJWK, generateKeyPair, type JWK } from 'jose';
import { encodeClaims, kidOf, type StarMarkClaims, type VerdictCode } from '../../../shared/star-mark';

export interface Forgery {
  name: string;
  token: string;
  verdict: VerdictCode;
}

export interface ForgeryMaterial {
  genuine: string;
  claims: StarMarkClaims;
  ourKid: string;
  ourPublicJwk: JWK;
  /** Signs arbitrary bytes with our active key (what an insider bug, not an attacker, could produce). */
  signWithOurKey(input: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
  /** Another key of ours (retired, say), for the swapped-kid forgery. */
  otherKid?: string;
}

const enc = (value: unknown) => base64url.encode(typeof value === 'string' ? value : JSON.stringify(value));

async function ours(m: ForgeryMaterial, header: Record<string, unknown>, payload: string): Promise<string> {
  const input = `${enc(header)}.${enc(payload)}`;
  return `${input}.${base64url.encode(await m.signWithOurKey(new TextEncoder().encode(input)))}`;
}

function flip(part: string, at: number): string {
  const chars = part.split('');
  chars[at] = chars[at] === 'A' ? 'B' : 'A';
  return chars.join('');
}

export async function forgeries(m: ForgeryMaterial): Promise<Forgery[]> {
  const [header, payload, signature] = m.genuine.split('.') as [string, string, string];
  const raised = encodeClaims({ ...m.claims, level: 'five', validUntil: '2099-12-31' });
  const foreign = await generateKeyPair('ES256', { extractable: true });
  const foreignJwk = await exportJWK(foreign.publicKey);
  const foreignKid = await kidOf(foreignJwk);
  const signForeign = (h: Record<string, unknown>, body = encodeClaims(m.claims)) =>
    new CompactSign(new TextEncoder().encode(body)).setProtectedHeader(h as { alg: string }).sign(foreign.privateKey);
  const hmac = (secret: string) => {
    const input = `${enc({ alg: 'HS256', kid: m.ourKid })}.${payload}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  };
  const list: Forgery[] = [
    {
      name: 'a tampered payload (level raised, validity extended)',
      token: `${header}.${enc(raised)}.${signature}`,
      verdict: 'BAD_SIGNATURE',
    },
    { name: 'a tampered signature', token: `${header}.${payload}.${flip(signature, 10)}`, verdict: 'BAD_SIGNATURE' },
    {
      name: 'a kid swapped for an unknown one',
      token: `${enc({ alg: 'ES256', kid: 'zzzzzzzz' })}.${payload}.${signature}`,
      verdict: 'UNKNOWN_KEY',
    },
    {
      name: 'alg none with an empty signature',
      token: `${enc({ alg: 'none', kid: m.ourKid })}.${payload}.`,
      verdict: 'BAD_SIGNATURE',
    },
    { name: 'alg none without a kid', token: `${enc({ alg: 'none' })}.${payload}.`, verdict: 'BAD_SIGNATURE' },
    {
      name: 'HS256 signed with the public JWK as the secret',
      token: hmac(JSON.stringify(m.ourPublicJwk)),
      verdict: 'BAD_SIGNATURE',
    },
    {
      name: 'HS256 signed with the public x coordinate as the secret',
      token: hmac(String(m.ourPublicJwk.x)),
      verdict: 'BAD_SIGNATURE',
    },
    {
      name: 'a foreign key embedded as jwk',
      token: await signForeign({ alg: 'ES256', kid: foreignKid, jwk: foreignJwk }),
      verdict: 'MALFORMED',
    },
    {
      name: 'a foreign key embedded as jwk under our kid',
      token: await signForeign({ alg: 'ES256', kid: m.ourKid, jwk: foreignJwk }),
      verdict: 'MALFORMED',
    },
    {
      name: 'a key URL in jku',
      token: await signForeign({ alg: 'ES256', kid: foreignKid, jku: 'https://evil.example/jwks.json' }),
      verdict: 'MALFORMED',
    },
    {
      name: 'a valid signature from a foreign key',
      token: await signForeign({ alg: 'ES256', kid: foreignKid }),
      verdict: 'UNKNOWN_KEY',
    },
    {
      name: 'a foreign signature claiming our kid',
      token: await signForeign({ alg: 'ES256', kid: m.ourKid }),
      verdict: 'BAD_SIGNATURE',
    },
    {
      name: 'an unknown crit extension, signed by our key',
      token: await ours(m, { alg: 'ES256', kid: m.ourKid, crit: ['exp'], exp: 1 }, encodeClaims(m.claims)),
      verdict: 'MALFORMED',
    },
    {
      name: 'b64:false, signed by our key',
      token: await ours(m, { alg: 'ES256', kid: m.ourKid, b64: false, crit: ['b64'] }, encodeClaims(m.claims)),
      verdict: 'MALFORMED',
    },
    {
      name: 'a JSON payload that is no star mark, signed by our key',
      token: await ours(m, { alg: 'ES256', kid: m.ourKid }, JSON.stringify({ n: m.claims.number })),
      verdict: 'MALFORMED',
    },
    { name: 'a token cut before its signature', token: `${header}.${payload}`, verdict: 'MALFORMED' },
    { name: 'a token cut inside its signature', token: m.genuine.slice(0, -20), verdict: 'BAD_SIGNATURE' },
    { name: 'a token cut inside its header', token: m.genuine.slice(0, 12), verdict: 'MALFORMED' },
    {
      name: 'an oversized token (over 4 KB)',
      token: `${header}.${enc('x'.repeat(4000))}.${signature}`,
      verdict: 'MALFORMED',
    },
    {
      name: 'standard base64 instead of base64url',
      token: `${header}.${payload}.${signature.replace(/.$/, '+')}`,
      verdict: 'MALFORMED',
    },
    { name: 'padding characters', token: `${header}.${payload}=.${signature}`, verdict: 'MALFORMED' },
    { name: 'a header that is not JSON', token: `${enc('not json')}.${payload}.${signature}`, verdict: 'MALFORMED' },
    { name: 'four parts (a JWE-like shape)', token: `${m.genuine}.${payload}`, verdict: 'MALFORMED' },
    { name: 'an empty string', token: '', verdict: 'MALFORMED' },
  ];
  if (m.otherKid) {
    list.push({
      name: 'a kid swapped for another of our keys',
      token: `${enc({ alg: 'ES256', kid: m.otherKid })}.${payload}.${signature}`,
      verdict: 'BAD_SIGNATURE',
    });
  }
  return list;
}
